//! Who is at the keyboard: the Unix user, recorded in history.

/// The login name of the effective user, looked up through the system's
/// user database (NSS, so LDAP users of an office server are named too);
/// falls back to $USER, then the uid, so that history always names someone.
pub fn unix_user() -> String {
    let uid = nix::unistd::geteuid();
    if let Ok(Some(user)) = nix::unistd::User::from_uid(uid)
        && !user.name.is_empty()
    {
        return crate::domain::text::clean_line(&user.name).0;
    }
    std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .map_or_else(
            || format!("uid {uid}"),
            |u| crate::domain::text::clean_line(&u).0,
        )
}
