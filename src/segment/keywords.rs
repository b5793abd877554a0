//! The words that label boilerplate, by kind (`Related`, `分享到`,
//! `Leave a Reply`), and how a heading opens with one. Data first: each
//! kind's list in Simplified, Traditional, English and Japanese.

use crate::article::BoilerplateKind;

/// Keywords of each boilerplate kind, Simplified, Traditional, English, Japanese.
pub const BOILERPLATE: &[(BoilerplateKind, &[&str])] = &[
    (
        BoilerplateKind::Disclaimer,
        &[
            "版权",
            "版權",
            "免责",
            "免責",
            "声明",
            "聲明",
            "Copyright",
            "copyright",
            "©",
            "All rights reserved",
            "转载",
            "轉載",
            "未经",
            "未經",
            "授权",
            "授權",
            "法律责任",
            "法律責任",
            "联系方式",
            "聯系方式",
            "聯繫方式",
            "电话",
            "電話",
            "邮箱",
            "郵箱",
            "無断転載",
            "著作権",
        ],
    ),
    (
        BoilerplateKind::Share,
        &[
            "分享到",
            "分享",
            "微信",
            "微博",
            "扫一扫",
            "掃一掃",
            "二维码",
            "二維碼",
            "Share",
            "Tweet",
            "Facebook",
            "Follow us",
            "Follow @",
            "Subscribe",
            "newsletter",
            "Sign up",
        ],
    ),
    (
        BoilerplateKind::Related,
        &[
            "相关新闻",
            "相關新聞",
            "相关阅读",
            "相關閱讀",
            "推荐阅读",
            "推薦閱讀",
            "延伸阅读",
            "点击进入",
            "點擊進入",
            "专题",
            "專題",
            "Related",
            "Read more",
            "More from",
            "関連記事",
            "Top stories",
            "Most read",
            "Most popular",
            "You may also like",
            "Recommended",
            "More stories",
            "Also read",
            "猜你喜欢",
            "热点新闻",
            "熱點新聞",
            "Tags",
            "标签",
            "標籤",
        ],
    ),
    (
        BoilerplateKind::Comments,
        &[
            "发表评论",
            "發表評論",
            "评论",
            "評論",
            "留言",
            "Comments",
            "comment",
            "コメント",
            "Join the conversation",
            "what YOU think",
            "what you think",
            "Leave a comment",
            "Leave a Reply",
        ],
    ),
    (
        BoilerplateKind::Ads,
        &[
            "广告",
            "廣告",
            "Advertisement",
            "Sponsored",
            "推广",
            "推廣",
            "Advert",
        ],
    ),
    (
        BoilerplateKind::Footer,
        &[
            "关于我们",
            "關於我們",
            "About us",
            "网站地图",
            "網站地圖",
            "Sitemap",
            "ICP备",
            "ICP證",
            "Privacy Policy",
            "Terms of",
        ],
    ),
];

/// Whether `heading` opens with a boilerplate keyword as a whole word,
/// after an optional count (`3 Comments`, `Related articles`, `Share
/// this`): a label over what follows. A heading naming a topic that holds
/// such a word is none (`Shared Security Podcast`, `Medical-Related
/// Modifications`, `Facebook's Blueprint Certification`). CJK headings
/// carry no spaces to bound a word: they are labels wherever the keyword.
pub fn opens_with_keyword(heading: &str) -> bool {
    let text = heading.trim_start_matches(|c: char| c.is_ascii_digit() || !c.is_alphanumeric());
    BOILERPLATE
        .iter()
        .flat_map(|(_, words)| words.iter())
        .any(|word| {
            let cjk = !word.is_ascii();
            let Some(rest) = text
                .get(..word.len())
                .filter(|head| head.eq_ignore_ascii_case(word))
                .and_then(|_| text.get(word.len()..))
            else {
                return cjk && heading.contains(word);
            };
            cjk || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’')
        })
}

/// The labels of a shop's or a service's customer reviews (`Customer
/// Reviews`, `Ratings & Reviews`): what follows is its readers' posts, like
/// comments. Plural only: a singular `Review` heads a critic's own text.
const REVIEWS_LABELS: &[&str] = &[
    "reviews",
    "customer reviews",
    "ratings & reviews",
    "ratings and reviews",
    "product reviews",
    "user reviews",
    "カスタマーレビュー",
    "用户评价",
    "商品评价",
];

/// Whether a heading labels customer reviews: a [`REVIEWS_LABELS`] label
/// alone, after an optional count (`51 Reviews`), before an optional count
/// in brackets or what they review (`Reviews (76)`, `Reviews for this
/// item`, `Reviews and Q&A`). `Reviews of our yoga classes` is a
/// testimonials section's own heading, and stays text.
pub fn is_reviews_label(heading: &str) -> bool {
    let text = heading
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | ' '))
        .to_lowercase();
    REVIEWS_LABELS.iter().any(|label| {
        text.strip_prefix(label).is_some_and(|rest| {
            rest.is_empty()
                || [" (", "(", " for ", " and q&a", "（"]
                    .iter()
                    .any(|next| rest.starts_with(next))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_reviews_are_labelled_and_a_review_is_text() {
        for label in [
            "Reviews",
            "REVIEWS",
            "Customer reviews",
            "Ratings & Reviews",
            "51 Reviews",
            "1,200+ customer reviews",
            "Reviews (76)",
            "Reviews for this item (76)",
            "Reviews and Q&A",
            "用户评价（128）",
        ] {
            assert!(is_reviews_label(label), "{label}");
        }
        for heading in [
            "Review",
            "Our review",
            "Reviews of our yoga classes",
            "Reviewing and Updating Coverage",
            "Google Pixel 10a review: The sidegrade",
            "Monitor and Respond to Reviews",
        ] {
            assert!(!is_reviews_label(heading), "{heading}");
        }
    }

    #[test]
    fn a_label_opens_with_its_keyword_and_a_topic_does_not() {
        for label in [
            "Related articles",
            "Share this:",
            "3 Comments",
            "You may also like",
            "RECOMMENDED FOR YOU",
            "相关新闻",
            "热门 相关阅读",
        ] {
            assert!(opens_with_keyword(label), "{label}");
        }
        for topic in [
            "Shared Security Podcast",
            "Medical-Related Modifications",
            "Facebook's Blueprint Certification",
            "Why we share data",
        ] {
            assert!(!opens_with_keyword(topic), "{topic}");
        }
    }
}
