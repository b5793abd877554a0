//! Names in credits: lists of names split, a two-character name a CMS
//! spaced out joined, labels and staff codes after a name dropped, what
//! could be a name at all, Chinese names by their surnames, and the names
//! credited without a label (`[ 黄宇 ]` beside a source, `ggjjzhzz 发表于`).

use super::dates::find_date_start;
use crate::text::is_cjk_letter;

/// Splits a list of names: `、` `，` `,` `和` `及` `与` `/` `;` ` and ` ` & `,
/// and spaces between CJK names. Empty pieces are dropped.
pub fn split_names(value: &str) -> Vec<String> {
    let mut names = Vec::new();
    let normalized = joining_names(value);
    for piece in normalized.split([
        '、', '，', ',', '和', '及', '与', '與', '/', '／', ';', '；',
    ]) {
        let piece = piece.trim();
        // (A suspended hyphen's compound describes: `Home- and
        // Digital-Security Expert` after a name is no name.)
        if piece.is_empty() || piece.contains("- and ") || piece.contains("- & ") {
            continue;
        }
        // "张三 李四": CJK names separated by spaces are several names.
        // (`記者林怡君／台北即時報導`, `姚峰 上海报道`: where the report was
        // filed from is no name.)
        let words: Vec<&str> = piece
            .split_whitespace()
            .filter(|w| !is_report_place(w))
            .collect();
        if words.is_empty() {
            continue;
        }
        if words.len() > 1 && words.iter().all(|w| w.chars().all(is_cjk_letter)) {
            names.extend(join_spaced(&words));
        } else if let Some(name) = names.last_mut().filter(|_| is_credential(&words)) {
            // `Jillian Kubala, MS, RD`: one person and her degrees.
            name.push_str(", ");
            name.push_str(&words.join(" "));
        } else {
            names.push(words.join(" "));
        }
    }
    names
}

/// Degrees and certifications written after a name (`MD`, `M.D.`, `PhD`,
/// `RD`, `CFP`, `DVM`): a credential is no name of its own.
const CREDENTIALS: &[&str] = &[
    "MD", "DO", "PhD", "DPhil", "RN", "NP", "PA", "RD", "RDN", "LD", "MS", "MSc", "MA", "BA", "BS",
    "BSc", "MBA", "MPH", "MEd", "EdD", "PsyD", "PharmD", "DVM", "VMD", "DDS", "DMD", "OD", "JD",
    "Esq", "CPA", "CFP", "CFA", "CPP", "PSP", "LCSW", "LPC", "MSW", "BSN", "MSN", "DNP", "APRN",
    "CNM", "IBCLC", "CDCES", "CSCS", "CPT", "DPT", "FACP", "FACS", "FACLM", "FOMA", "DABOM",
    "DACVB", "DACVIM", "RYT", "E-RYT", "Jr", "Sr", "II", "III",
];

/// Whether every word of a piece of a name list is a credential (`MS`,
/// `M.D.`, `MD*` with a footnote mark, `E-RYT 200` with its hours).
fn is_credential(words: &[&str]) -> bool {
    words.iter().all(|w| {
        let bare: String = w.chars().filter(|&c| c != '.' && c != '*').collect();
        CREDENTIALS.contains(&bare.as_str()) || bare.chars().all(|c| c.is_ascii_digit())
    }) && words.iter().any(|w| !w.chars().all(|c| c.is_ascii_digit()))
}

/// `value` with its ` and ` / ` & ` between names written `、`; not after a
/// suspended hyphen, where they join the parts of one compound (`Home- and
/// Digital-Security Expert` is one description, no names).
fn joining_names(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some((at, joiner)) = [" and ", " & "]
        .iter()
        .filter_map(|j| rest.find(j).map(|at| (at, *j)))
        .min()
    {
        let before = rest.get(..at).unwrap_or_default();
        out.push_str(before);
        out.push_str(if before.ends_with('-') { joiner } else { "、" });
        rest = rest.get(at + joiner.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// CJK words as names, where a two-character name a CMS spaced out to
/// align with three-character ones (`赵  培`, `王　伟`) is one name: single
/// characters are joined in pairs. (No one-character given name is written
/// apart from its surname.)
fn join_spaced(words: &[&str]) -> Vec<String> {
    let mut names = Vec::new();
    let mut at = 0;
    while let Some(word) = words.get(at) {
        let single = |w: &&str| w.chars().count() == 1;
        match words.get(at + 1) {
            Some(next) if single(word) && single(next) => {
                names.push(format!("{word}{next}"));
                at += 2;
            }
            _ => {
                names.push(word.to_string());
                at += 1;
            }
        }
    }
    names
}

/// The names before a full-width colon in a credit's value, without the
/// label the colon closes: `赵培：北京物资学院` → `赵培`, `流泉 访问统计：…`
/// → `流泉`.
pub fn before_label(value: &str) -> &str {
    match value.split_once('：') {
        Some((names, _)) => {
            let names = names.trim();
            match names.rsplit_once(char::is_whitespace) {
                Some((names, _label)) => names.trim(),
                None => names,
            }
        }
        None => value,
    }
}

/// `value` with its opening two-character name joined when a CMS spaced it
/// out (`赵  培：…`, `王　伟 2024-…`): the gaps that end a value would
/// otherwise cut the name in two.
pub fn unspaced_pair(value: &str) -> Option<String> {
    let mut chars = value.char_indices();
    let (_, first) = chars.next().filter(|&(_, c)| is_cjk_letter(c))?;
    let gap = chars
        .clone()
        .take_while(|&(_, c)| c.is_whitespace())
        .count();
    let (at, second) = chars.nth(gap).filter(|&(_, c)| is_cjk_letter(c))?;
    let rest = value.get(at + second.len_utf8()..)?;
    let ends =
        rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || "：:,，|｜".contains(c));
    (gap > 0 && ends).then(|| format!("{first}{second}{rest}"))
}

/// Blogs and forums name the writer before the verb: `ggjjzhzz 发表于
/// 2005-9-15 11:46:00`, `海姑娘 發表於 …`.
pub fn poster(line: &str) -> Option<String> {
    let (before, _) = line
        .split_once("发表于")
        .or_else(|| line.split_once("發表於"))?;
    let name = before.split_whitespace().last()?;
    let cjk = name.chars().filter(|&c| is_cjk_letter(c)).count();
    (could_be_a_name(name) && cjk <= CJK_NAME_MAX_CHARS && name.chars().count() <= POSTER_MAX_CHARS)
        .then(|| name.to_string())
}

/// The outlet a Japanese portal carries a report from: `毎日新聞 11/29(金)
/// 10:05配信` (Yahoo!ニュース, livedoor, goo), the name before the date of a
/// line ending `配信` ("distributed").
pub fn distributor(line: &str) -> Option<String> {
    let line = line.trim();
    let before = line.strip_suffix("配信")?;
    // (Portals write the day without its year, `11/29(金)`: a date is the
    // first word opening with a digit that holds a date's separator.)
    let cut = find_date_start(before).or_else(|| {
        before.char_indices().find_map(|(at, c)| {
            let starts_word = at == 0 || before.get(..at)?.ends_with(char::is_whitespace);
            let word = before.get(at..)?.split(char::is_whitespace).next()?;
            (starts_word && c.is_ascii_digit() && word.contains(['/', ':', '年', '月']))
                .then_some(at)
        })
    })?;
    let name = before.get(..cut)?.trim();
    (!name.is_empty()
        && name.chars().count() <= DISTRIBUTOR_MAX_CHARS
        && !name.contains(['。', '、', '：', ':']))
    .then(|| name.to_string())
}

/// An outlet's name before `配信` is at most this long (`時事通信`,
/// `TBS NEWS DIG Powered by JNN` is 27).
const DISTRIBUTOR_MAX_CHARS: usize = 32;

/// A user name before `发表于` is at most this long.
const POSTER_MAX_CHARS: usize = 24;

/// A name alone in brackets on a source's line (`2004年7月16日08:19 [ 黄宇 ]
/// 来源：[ 国际金融报 ]`): CMSs that print the author without a label set
/// it so beside the source. Only a name with a common surname counts.
pub fn bracketed_name(line: &str) -> Option<String> {
    line.split(['[', '【'])
        .skip(1)
        .filter_map(|part| part.split_once([']', '】']))
        .map(|(inside, _)| inside.trim())
        .find(|inside| is_surnamed_name(inside))
        .map(str::to_string)
}

/// Whether a credited value could be a name: none of the characters of
/// markup, identifiers and labels, and no number of four digits or more
/// (`size="20"`, `L_104485`, `能力值:545803` after `作者：` on pages that
/// broke their own templates; `3i Global` is a name).
pub fn could_be_a_name(name: &str) -> bool {
    // A CJK name is a few characters (`张小明`, `長谷川健太郎`); more, it is a
    // sentence that happened to hold a credit word (`记者在现场观察到…`).
    let cjk = name.chars().filter(|&c| is_cjk_letter(c)).count();
    if cjk > CJK_NAME_MAX_CHARS && !name.contains('·') {
        return false;
    }
    let mut digits = 0;
    for c in name.chars() {
        if "=<>\"_{}[]:：".contains(c) {
            return false;
        }
        digits = if c.is_ascii_digit() { digits + 1 } else { 0 };
        if digits >= NAME_MAX_DIGITS {
            return false;
        }
    }
    true
}

/// A name without the staff code a CMS appends (`王小明 PN080`,
/// `王小明_NB12345`): an ASCII code after a CJK name is dropped.
pub fn without_staff_code(name: &str) -> String {
    let head = name
        .split(['_', ' ', '\u{3000}'])
        .next()
        .unwrap_or(name)
        .trim();
    let is_code = |rest: &str| {
        let rest = rest.trim_matches(['_', ' ', '\u{3000}']);
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ' ')
    };
    let cjk_head = !head.is_empty() && head.chars().all(is_cjk_letter);
    match name.get(head.len()..) {
        Some(rest) if cjk_head && is_code(rest) => head.to_string(),
        _ => name.to_string(),
    }
}

/// Most CJK characters in one person's name, a foreign name written with
/// `·` apart.
pub const CJK_NAME_MAX_CHARS: usize = 6;

/// A run of this many digits is an id or a count, not part of a name.
pub const NAME_MAX_DIGITS: usize = 4;

/// Words in closing brackets that are notes, not names (`（组图）`).
const NOT_NAMES: &[&str] = &[
    "组图", "組圖", "图文", "圖文", "待续", "待續", "未完", "原创", "原創", "转载", "轉載", "全文",
    "附图", "附圖", "视频", "視頻", "完",
];

/// The commonest Chinese surnames (about nine people in ten carry one),
/// Simplified then Traditional forms, and compound ones: a lone line is
/// taken for a name only when it starts with one.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝張劉陳楊黃趙吳孫馬郭羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒賀顧龔萬錢嚴湯齊喬龐聶魯歐關蘭畢單裴塗駱藍鮑饒滕車蘆婁竇費衛應閔鄔邊師欒鞏遲鄺";

const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "令狐", "慕容",
    "司徒", "夏侯",
];

/// A lone line that names a person: a Chinese name starting with a common
/// surname (`胡平` under a headline; `摘要`, `人物画像` are no names).
pub fn is_surnamed_name(line: &str) -> bool {
    let line = line.trim();
    is_chinese_name(line)
        && (COMPOUND_SURNAMES.iter().any(|s| line.starts_with(s))
            || line.chars().next().is_some_and(|c| SURNAMES.contains(c)))
}

/// A Chinese personal name: two to four Han characters, not a note word.
pub fn is_chinese_name(word: &str) -> bool {
    (2..=4).contains(&word.chars().count())
        && word.chars().all(is_cjk_letter)
        && !NOT_NAMES.contains(&word)
}

/// Whether a credit's word says where it was filed from (`上海报道`).
pub fn is_report_place(word: &str) -> bool {
    ["报道", "報導", "报导"].iter().any(|w| word.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credential_stays_with_its_name() {
        assert_eq!(
            split_names("Jillian Kubala, MS, RD"),
            ["Jillian Kubala, MS, RD"]
        );
        assert_eq!(
            split_names("Michael Greger, M.D., FACLM and Jane Doe, PhD"),
            ["Michael Greger, M.D., FACLM", "Jane Doe, PhD"]
        );
        assert_eq!(
            split_names("Holly Wilgus, E-RYT 200"),
            ["Holly Wilgus, E-RYT 200"]
        );
        // A list opening with a credential, or a name that is none.
        assert_eq!(split_names("MD, Jane Doe"), ["MD", "Jane Doe"]);
        assert_eq!(split_names("Jane Doe, Mark Lee"), ["Jane Doe", "Mark Lee"]);
    }

    #[test]
    fn names_split_at_and_and_a_compound_is_no_name() {
        assert_eq!(
            split_names("Ann Lee and Bo Chan & Cy Diaz"),
            ["Ann Lee", "Bo Chan", "Cy Diaz"]
        );
        assert_eq!(
            split_names("Cort Honey, Home- and Digital-Security Expert"),
            ["Cort Honey"]
        );
        assert_eq!(split_names("张三、李四"), ["张三", "李四"]);
    }
}
