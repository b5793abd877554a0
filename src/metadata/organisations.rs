//! Names in author markup that are no person: organisations, sites,
//! roles and account numbers.

use super::names::NAME_MAX_DIGITS;

/// How an organisation's name ends: outlets, publishers, groups,
/// governments (`云南日报报业集团`, `汉斯出版社`, `吉林省人民政府`), or a
/// role standing for a person (`信报记者`).
/// Pages put these in their author markup; they are not authors.
const ORGANISATION_ENDS: &[&str] = &[
    "网",
    "網",
    "报",
    "報",
    "社",
    "集团",
    "集團",
    "期刊",
    "杂志",
    "雜誌",
    "频道",
    "頻道",
    "电视台",
    "電視台",
    "政府",
    "中心",
    "新聞",
    "新闻",
    "通信",
    "放送",
    "Publishers",
    "Publishing",
    // A role, not a name (`信报记者`): the outlet's reporter.
    "记者",
    "記者",
    "编辑",
    "編輯",
    "通讯员",
    "通訊員",
];

/// Latin letters a user name with a long number has at least.
const HANDLE_MIN_LETTERS: usize = 3;

/// Whether a name in author markup is an organisation, a site or an
/// account number rather than a person (`www.yunnan.cn`, `云南网`,
/// `Hans Publishers`, `L_104485`). User names and e-mail addresses are
/// kept: on forums and blogs they are the author.
pub fn is_organisation(name: &str) -> bool {
    let name = name.trim();
    // (A one-character end needs a name of three: `王网` could be a person.)
    let ends = ORGANISATION_ENDS
        .iter()
        .any(|e| name.ends_with(e) && (e.is_ascii() || name.chars().count() >= 3));
    let mut digits = 0;
    // (A forum's handle has letters to its number: `user3080392`,
    // `Ejp55230`; an account id one or two: `L_104485`.)
    let handle = name.chars().filter(char::is_ascii_alphabetic).count() >= HANDLE_MIN_LETTERS;
    let account = !handle
        && name.chars().any(|c| {
            digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
            digits >= NAME_MAX_DIGITS
        });
    name.to_ascii_lowercase().starts_with("www.") || ends || account
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_roles_and_accounts_are_not_people() {
        for name in [
            "www.yunnan.cn",
            "云南日报报业集团",
            "汉斯出版社",
            "Hans Publishers",
            "信报记者",
            "L_104485",
            "吉林省人民政府",
            "読売新聞",
        ] {
            assert!(is_organisation(name), "{name}");
        }
        for name in [
            "王网",
            "张三",
            "Jane Doe",
            "sara.r.peter",
            "beatriz.pinto@hommes.studio",
            "Mr_Enigmatic",
            "user3080392",
            "Ejp55230",
        ] {
            assert!(!is_organisation(name), "{name}");
        }
    }
}
