//! Who is at the keyboard: the Unix user, recorded in history.

use std::ffi::CStr;

/// The login name of the effective user; falls back to $USER, then the uid,
/// so that history always names someone.
pub fn unix_user() -> String {
    // SAFETY: getpwuid_r writes only into the buffers we pass and the passwd
    // struct; we read pw_name only when it reports success.
    unsafe {
        let uid = libc::geteuid();
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc == 0 && !result.is_null() && !pwd.pw_name.is_null() {
            let name = CStr::from_ptr(pwd.pw_name).to_string_lossy().into_owned();
            if !name.is_empty() {
                return crate::domain::text::clean_line(&name).0;
            }
        }
        std::env::var("USER")
            .ok()
            .filter(|u| !u.is_empty())
            .map(|u| crate::domain::text::clean_line(&u).0)
            .unwrap_or_else(|| format!("uid {uid}"))
    }
}
