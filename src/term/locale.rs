//! Whether the terminal's locale is UTF-8. The cockpit draws UTF-8; on a
//! server whose locale is zh_CN.GBK or POSIX, a terminal set to match shows
//! that as garbage, so the cockpit says so first, with the fix, in both
//! languages, the Chinese half in the locale's own encoding where it is a
//! Chinese one (GBK, GB2312, GB18030), so that it is readable there.

/// The locale that decides the character set: the first of LC_ALL,
/// LC_CTYPE, LANG that is set and not empty, as POSIX looks them up;
/// "POSIX" when none is.
pub fn ctype_locale(var: impl Fn(&str) -> Option<String>) -> String {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| var(k))
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "POSIX".to_owned())
}

/// `zh_CN.UTF-8`, `C.utf8`, `en_US.UTF-8@euro`: UTF-8.
pub fn is_utf8(locale: &str) -> bool {
    let codeset = locale
        .split_once('.')
        .map_or("", |(_, rest)| rest.split('@').next().unwrap_or(""));
    let norm: String = codeset
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    norm == "utf8"
}

/// A Chinese legacy codeset whose terminal can show the message in it.
fn gb_codeset(locale: &str) -> bool {
    let lower = locale.to_ascii_lowercase();
    ["gbk", "gb2312", "gb18030", "euccn"]
        .iter()
        .any(|c| lower.replace('-', "").contains(c))
        || lower == "zh_cn"
}

/// The message for a terminal whose locale is `locale`, as bytes to write
/// to it: English, then Chinese, in GB18030 where the locale is a GB one,
/// else UTF-8 (which most SSH clients show even when the server's locale
/// is unset; the English half is ASCII for those that do not).
pub fn not_utf8_message(locale: &str) -> Vec<u8> {
    let en = crate::i18n::Lang::En.not_utf8(locale);
    let zh = crate::i18n::Lang::Zh.not_utf8(locale);
    let text = format!("{en}\n\n{zh}\n");
    if gb_codeset(locale) {
        encoding_rs::GB18030.encode(&text).0.into_owned()
    } else {
        text.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_locales_are_told_from_the_others() {
        for ok in [
            "zh_CN.UTF-8",
            "C.UTF-8",
            "en_US.utf8",
            "zh_CN.UTF-8@cjknarrow",
        ] {
            assert!(is_utf8(ok), "{ok}");
        }
        for not in ["zh_CN.GBK", "POSIX", "C", "zh_CN", "zh_CN.GB18030", ""] {
            assert!(!is_utf8(not), "{not}");
        }
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(ctype_locale(env(&[("LANG", "zh_CN.GBK")])), "zh_CN.GBK");
        assert_eq!(
            ctype_locale(env(&[
                ("LC_ALL", ""),
                ("LC_CTYPE", "C.UTF-8"),
                ("LANG", "zh_CN.GBK")
            ])),
            "C.UTF-8"
        );
        assert_eq!(ctype_locale(env(&[])), "POSIX");
    }

    #[test]
    fn a_gbk_terminal_gets_the_chinese_half_in_gbk() {
        let msg = not_utf8_message("zh_CN.GBK");
        let (decoded, _, bad) = encoding_rs::GB18030.decode(&msg);
        assert!(!bad);
        assert!(decoded.contains("export LANG=zh_CN.UTF-8"));
        assert!(decoded.contains("当前终端的字符集"), "{decoded}");
        // Not UTF-8 there: the UTF-8 form of the Chinese is absent.
        assert!(std::str::from_utf8(&msg).is_err());
        let posix = not_utf8_message("POSIX");
        assert!(String::from_utf8(posix).unwrap().contains("--force-utf8"));
    }
}
