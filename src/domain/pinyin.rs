//! Pinyin keys, so that a planner typing Latin letters finds Chinese text:
//! `gxjs` (initials) and `gaoxin` (full pinyin) both find 高新技术企业.
//! Each Chinese character gives its most common reading (the pinyin
//! crate's data, without tones); Latin letters and digits stay as they
//! are, lowercased; everything else (punctuation, spaces) is left out, so
//! that `renca idongcheng` style breaks cannot hide a match.

use pinyin::ToPinyin;

/// The key the pinyin index holds for `text`: the full pinyin, a `\u{1}`,
/// the initials. Empty when `text` has no Chinese character (its own
/// index already finds it).
pub fn key(text: &str) -> String {
    let mut full = String::new();
    let mut initials = String::new();
    let mut chinese = false;
    for c in text.chars() {
        if let Some(p) = c.to_pinyin() {
            chinese = true;
            full.push_str(p.plain());
            initials.push_str(p.first_letter());
        } else if c.is_ascii_alphanumeric() {
            let c = c.to_ascii_lowercase();
            full.push(c);
            initials.push(c);
        }
    }
    if !chinese {
        return String::new();
    }
    format!("{full}\u{1}{initials}")
}

/// Whether `query` is asked in pinyin: Latin letters (digits allowed),
/// at least one letter, nothing else but spaces. Spaces are dropped.
pub fn as_pinyin(query: &str) -> Option<String> {
    let q: String = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let latin = q.chars().all(|c| c.is_ascii_alphanumeric());
    let letter = q.chars().any(|c| c.is_ascii_alphabetic());
    (latin && letter).then_some(q)
}

/// How well `text` answers `query`, best first: the same text, text that
/// begins with it, then pinyin (full or initials) that is the query or
/// begins with it, then text that contains it, then pinyin that does.
/// Search lists its hits in this order, each rank in plan order.
pub fn rank(query: &str, text: &str) -> u8 {
    let q = query.trim().to_lowercase();
    let t = text.trim().to_lowercase();
    if t == q {
        return 0;
    }
    if t.starts_with(&q) {
        return 1;
    }
    if let Some(p) = as_pinyin(&q) {
        let k = key(text);
        let (full, initials) = k.split_once('\u{1}').unwrap_or(("", ""));
        if full == p || initials == p {
            return 2;
        }
        if full.starts_with(&p) || initials.starts_with(&p) {
            return 3;
        }
    }
    if t.contains(&q) {
        return 4;
    }
    5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_pinyin_and_initials() {
        assert_eq!(key("高新技术企业"), "gaoxinjishuqiye\u{1}gxjsqy");
        assert_eq!(key("京东MALL"), "jingdongmall\u{1}jdmall");
        assert_eq!(key("“人才东城”"), "rencaidongcheng\u{1}rcdc");
        assert_eq!(key("MALL 2023"), "");
        assert_eq!(as_pinyin("gxjs"), Some("gxjs".into()));
        assert_eq!(as_pinyin("gao xin"), Some("gaoxin".into()));
        assert_eq!(as_pinyin("600"), None);
        assert_eq!(as_pinyin("高新"), None);
    }

    #[test]
    fn exact_and_prefix_first() {
        assert_eq!(rank("食品", "食品"), 0);
        assert_eq!(rank("食品", "食品传统优势产业"), 1);
        assert_eq!(rank("gxjs", "高新技术"), 2);
        assert_eq!(rank("gxjs", "高新技术企业突破600家"), 3);
        assert_eq!(rank("gaoxin", "高新技术企业突破600家"), 3);
        assert_eq!(rank("高新", "国家级高新技术企业"), 4);
        assert_eq!(rank("gxjs", "国家级高新技术企业"), 5);
    }
}
