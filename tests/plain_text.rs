//! Plain-text pastes: the seed field by field, and synthetic cases made from
//! its clean text (Traditional without pinyin, pinyin everywhere, spellings,
//! Simplified, GBK bytes), English and Japanese wire stories, and mojibake.

use newsdecode::article::{BlockKind, BoilerplateKind, EncodingSource, WarningKind};
use newsdecode::{extract, Article, Input, Options, Script};

const SEED: &str = include_str!("pages/seed-chinanews-sichuan-wuhou/input.txt");

/// The seed's four body paragraphs as the page had them (Simplified,
/// full-width punctuation), with the lost span shown as U+FFFD.
const SEED_PARAGRAPHS: [&str; 4] = [
    "中新网四川新闻11月16日电 武侯区产业园区高质量发展大会15日召开。成都市副市长、武侯区委书记许兴国强调，要坚定落实全市产业园区高质量发展大会精神，进一步树牢“抓经济必须抓园区”的意识，深入开展“立园满园”行动，加快提升园区整体实力和综合竞争力，以园区“一子落”带动经济“全盘活”。",
    "据悉，会议传达学习成都市产业园区高质量发展大会精神，就《武侯区关于开展“优化提质、特色立园，赋能增效、企业满园”行动推动产业园区高质量发展的实施方案》作说明。各产业园区牵头区领导分别聚焦“立园满园”行动推动园区高质量发展作汇报发言，区国资监管局围绕产业基金“以投促招”支撑产业园区高质量发展发言。产业领域\u{FFFD}、链主企业、科研院所、金融机构代表围绕建设现代化专业化特色化园区作了交流发言，市发改委、市经信局市新经济委、市商务局有关负责同志就支持武侯区推动产业园区高质量发展发言。",
    "会议强调，要在“立园满园”上加力加劲，努力把产业园区建设成为高质量发展的主阵地主引擎。要围绕聚产业增优势，加快推动园区特色发展；围绕引伙伴建圈链，不断壮大园区规模能级；围绕强创新促转化，充分激发园区发展动能；围绕搭平台优服务，切实增强园区保障能力；围绕强功能提效率，著力提高园区运营水平。",
    "会议强调，在组织保障上提质提效，全力推动产业园区高质量发展取得新进展新突破。健全责任落实链条，坚持全区“一盘棋”统筹，建立“立园满园”行动工作机制。健全政策支持体系，加快制定和实施相关配套文件，完善产业园区发展的引导、扶持、奖补等各类政策。健全考核激励机制，突出“亩均论英雄”导向，强化正向激励，严格落实“三个区分开来”，为园区发展持续注入动力。",
];

fn text(input: &str) -> Article {
    extract(Input::Text(input), &Options::default()).unwrap()
}

fn repair_count(article: &Article, kind: &str) -> Option<usize> {
    article
        .decode
        .repairs
        .iter()
        .find(|r| serde_json::to_value(r.kind).unwrap() == kind)
        .map(|r| r.count)
}

/// Every field the seed acceptance names (shared by the bytes and string paths).
fn assert_seed(a: &Article) {
    assert_eq!(a.title.as_deref(), Some("武侯区产业园区高质量发展大会召开"));
    assert_eq!(a.published.as_deref(), Some("2024-11-16T14:11:00+08:00"));
    assert_eq!(a.source.as_deref(), Some("中新网四川"));
    assert_eq!(a.editors, ["曹惠君"]);
    assert!(a.authors.is_empty());
    assert_eq!(a.site_name.as_deref(), Some("中新社四川分社"));
    assert_eq!(a.breadcrumbs, ["首页", "cdxw", "中新网四川"]);
    assert_eq!(a.dateline.as_deref(), Some("中新网四川新闻11月16日电"));
    assert_eq!(a.language.as_deref(), Some("zh-Hans"));
    assert_eq!(a.end_mark.as_deref(), Some("（完）"));

    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    use BlockKind::{Figure, Paragraph};
    assert_eq!(kinds, [Paragraph, Figure, Paragraph, Paragraph, Paragraph]);
    let figure = &a.blocks[1];
    assert_eq!(
        figure.caption.as_deref(),
        Some("武侯区产业园区高质量发展大会15日召开。")
    );
    assert_eq!(figure.credit.as_deref(), Some("武侯区委宣传部供图"));
    let paragraphs: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == Paragraph)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(paragraphs, SEED_PARAGRAPHS);
    assert_eq!(a.text, SEED_PARAGRAPHS.join("\n\n"));

    let boiler: Vec<(BoilerplateKind, &str)> = a
        .boilerplate
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        boiler[0],
        (BoilerplateKind::Navigation, "中新社四川分社正文")
    );
    assert_eq!(
        boiler[1],
        (BoilerplateKind::Navigation, "首页 > cdxw > 中新网四川")
    );
    assert_eq!(boiler[2].0, BoilerplateKind::Disclaimer);
    assert!(boiler[2].1.starts_with(
        "中国新闻网·四川新闻版权与免责声明：\n① 凡本网注明“来源：本网或中国新闻网·四川新闻”"
    ));
    assert!(boiler[2]
        .1
        .ends_with("联系方式：中国新闻网·四川新闻采编部 电话：+86-28-62938795"));
    assert_eq!(boiler.len(), 3);

    assert_eq!(repair_count(a, "pinyin_glosses_removed"), Some(253));
    assert!(repair_count(a, "traditional_to_simplified").is_some_and(|n| n > 300));
    assert!(repair_count(a, "punctuation_normalized").is_some_and(|n| n > 40));

    let garbled: Vec<_> = a
        .decode
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::GarbledText)
        .collect();
    assert_eq!(garbled.len(), 2);
    assert_eq!(garbled[0].raw.as_deref(), Some("?qū)<"));
    let start = garbled[0].start.unwrap();
    assert_eq!(garbled[0].end, Some(start + 1));
    let chars: Vec<char> = a.text.chars().collect();
    assert_eq!(chars[start], '\u{FFFD}');
    assert_eq!(chars[start - 2..start].iter().collect::<String>(), "领域");
    assert!(garbled[0].message.contains("qū"));
    // The second lost span is in the disclaimer: reported, kept, no offset in `text`.
    assert_eq!(garbled[1].raw.as_deref(), Some("?jiān)?0"));
    assert_eq!(garbled[1].start, None);
    assert!(boiler[2].1.contains("请\u{FFFD}日内进行"));
}

#[test]
fn the_seed_pasted_as_text() {
    let a = text(SEED);
    assert_eq!(a.decode.source, EncodingSource::Text);
    assert_seed(&a);
}

#[test]
fn the_seed_as_utf8_and_gbk_bytes() {
    let a = extract(Input::Bytes(SEED.as_bytes()), &Options::default()).unwrap();
    assert_seed(&a);
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SEED);
    assert!(!unmappable);
    let a = extract(Input::Bytes(&gbk), &Options::default()).unwrap();
    assert_eq!(a.decode.encoding, "GBK");
    assert_seed(&a);
}

#[test]
fn traditional_without_pinyin_is_kept_by_auto() {
    // The seed's damage without its pinyin glosses: still Traditional.
    let plain = newsdecode::internals::remove_glosses(SEED).0;
    assert!(plain.contains("武侯區產業園區") && !plain.contains("(qū)"));
    let a = text(&plain);
    assert_eq!(
        a.title.as_deref(),
        Some("武侯區產業園區高質量發展大會召開"),
        "{:?}",
        a.decode.repairs
    );
    assert_eq!(a.language.as_deref(), Some("zh-Hant"));
    assert_eq!(repair_count(&a, "traditional_to_simplified"), None);
    assert_eq!(a.published.as_deref(), Some("2024-11-16T14:11:00+08:00"));
    // …and converted when asked.
    let hans = extract(
        Input::Text(&plain),
        &Options {
            script: Script::Hans,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(
        hans.title.as_deref(),
        Some("武侯区产业园区高质量发展大会召开")
    );
    assert_eq!(hans.language.as_deref(), Some("zh-Hans"));
}

#[test]
fn keep_leaves_the_seed_in_traditional_but_still_removes_pinyin() {
    let a = extract(
        Input::Text(SEED),
        &Options {
            script: Script::Keep,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(a.title.as_deref(), Some("武侯區產業園區高質量發展大會召開"));
    assert_eq!(repair_count(&a, "pinyin_glosses_removed"), Some(253));
    assert_eq!(repair_count(&a, "traditional_to_simplified"), None);
}

#[test]
fn hant_converts_a_simplified_paste() {
    let a = extract(
        Input::Text(SEED_PARAGRAPHS[2]),
        &Options {
            script: Script::Hant,
            ..Options::default()
        },
    )
    .unwrap();
    // zhconv's zh-Hant also turns “” into 「」, as Traditional typesetting does.
    assert!(
        a.text.starts_with("會議強調，要在「立園滿園」上加力加勁"),
        "{}",
        a.text
    );
    assert!(repair_count(&a, "simplified_to_traditional").is_some());
}

#[test]
fn pinyin_on_every_character_and_every_spelling() {
    let a = text("園(yuán)區(qū)發(fā)展(zhǎn)大(dà)會(huì)召(zhào)開(kāi)。綠(lü)色(se)發(fā)展(zhan)，女(nv3)性(xing4)代(dai)表(biao)呂(lu:)先生說(shuo)。");
    assert_eq!(a.text, "园区发展大会召开。绿色发展，女性代表吕先生说。");
    assert_eq!(repair_count(&a, "pinyin_glosses_removed"), Some(18));
}

#[test]
fn a_plain_simplified_paste_needs_no_repair() {
    let paste = format!(
        "武侯区产业园区高质量发展大会召开\n2024年11月16日 14:11 来源：中新网四川 编辑：曹惠君\n\n{}\n\n{}（完）",
        SEED_PARAGRAPHS[0], SEED_PARAGRAPHS[2]
    );
    let a = text(&paste);
    assert!(a.decode.repairs.is_empty(), "{:?}", a.decode.repairs);
    assert_eq!(a.title.as_deref(), Some("武侯区产业园区高质量发展大会召开"));
    assert_eq!(
        a.text,
        format!("{}\n\n{}", SEED_PARAGRAPHS[0], SEED_PARAGRAPHS[2])
    );
    assert_eq!(a.end_mark.as_deref(), Some("（完）"));
    assert_eq!(a.editors, ["曹惠君"]);
}

const REUTERS: &str = "Reuters | World\n\
China's factory activity expands for first time in six months\n\
By Jane Smith and John Doe\n\
November 16, 2024 2:11 PM EST Updated 3 hours ago\n\
\n\
BEIJING, Nov 16 (Reuters) - China's factory activity expanded in November for the first time in six months, an official survey showed on Saturday, as a flurry of stimulus measures began to filter through to the economy.\n\
\n\
The official purchasing managers' index (PMI) rose to 50.3 from 49.5 in October, the National Bureau of Statistics said, above the 50-point mark that separates growth from contraction.\n\
\n\
Workers assemble cars at a factory in Hefei. Photo: Reuters/Staff\n\
\n\
\"The recovery is still fragile,\" said Zhang Wei, chief economist at Pinpoint Asset Management. \"Demand at home remains weak and exports face new tariffs.\"\n\
\n\
Reporting by Jane Smith; Editing by Sam Holmes\n\
Our Standards: The Thomson Reuters Trust Principles.\n\
© 2024 Reuters. All rights reserved.";

#[test]
fn an_english_wire_story() {
    let a = text(REUTERS);
    assert_eq!(
        a.title.as_deref(),
        Some("China's factory activity expands for first time in six months")
    );
    assert_eq!(a.authors, ["Jane Smith", "John Doe"]);
    assert_eq!(a.published.as_deref(), Some("2024-11-16T14:11:00-05:00"));
    assert_eq!(a.dateline.as_deref(), Some("BEIJING, Nov 16 (Reuters) -"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(a
        .text
        .starts_with("BEIJING, Nov 16 (Reuters) - China's factory activity expanded"));
    assert!(a
        .text
        .contains("\"The recovery is still fragile,\" said Zhang Wei"));
    assert!(!a.text.contains("All rights reserved"));
    assert!(!a.text.contains("Photo:"));
    let figure = a
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Figure)
        .unwrap();
    assert_eq!(
        figure.caption.as_deref(),
        Some("Workers assemble cars at a factory in Hefei.")
    );
    assert_eq!(figure.credit.as_deref(), Some("Reuters/Staff"));
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Disclaimer && b.text.contains("© 2024 Reuters")));
    assert!(a.decode.repairs.is_empty(), "{:?}", a.decode.repairs);
    // English quotes and parentheses are left alone.
    assert!(a.text.contains("(PMI)"));
}

const NHK: &str = "NHKニュース\n\
東京都 新たな感染症対策を発表\n\
2024年11月16日 14時11分\n\
\n\
東京都は十六日、新型の感染症対策として、都内の医療機関に対する支援策を発表しました。小池知事は記者会見で「医療体制の維持が最優先だ」と述べ、病床の確保や検査体制の拡充を進める考えを示しました。\n\
\n\
また、都民に対してはマスクの着用や手洗いの徹底を呼びかけました。都は来週にも専門家会議を開き、具体的な対策を決める方針です。";

#[test]
fn a_japanese_story() {
    let a = text(NHK);
    assert_eq!(a.title.as_deref(), Some("東京都 新たな感染症対策を発表"));
    assert_eq!(a.published.as_deref(), Some("2024-11-16T14:11:00+09:00"));
    assert_eq!(a.language.as_deref(), Some("ja"));
    assert!(a.text.starts_with("東京都は十六日、"));
    assert_eq!(a.text.split("\n\n").count(), 2);
    assert!(a.decode.repairs.is_empty(), "{:?}", a.decode.repairs);
}

/// UTF-8 bytes decoded with the wrong encoding, as a paste carries them.
fn misread(text: &str, encoding: &'static encoding_rs::Encoding) -> String {
    encoding
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

#[test]
fn mojibake_of_each_is_repaired() {
    // English misread as windows-1252.
    let story = "Café owners in Zürich said the naïve plan “won’t work” — prices rose 5%.";
    let a = text(&misread(story, encoding_rs::WINDOWS_1252));
    assert_eq!(a.text, story);
    assert_eq!(repair_count(&a, "mojibake"), Some(1));

    // Japanese misread as windows-1252: every byte survives, all comes back.
    let a = text(&misread(NHK, encoding_rs::WINDOWS_1252));
    assert_eq!(a.title.as_deref(), Some("東京都 新たな感染症対策を発表"));
    assert_eq!(a.text, text(NHK).text);
    assert_eq!(repair_count(&a, "mojibake"), Some(5));

    // Japanese misread as Shift_JIS: the decoder dropped some bytes; what
    // survives comes back, each loss is a U+FFFD with a warning, and the
    // kanji are not mistaken for Traditional Chinese.
    let a = text(&misread(NHK, encoding_rs::SHIFT_JIS));
    assert!(repair_count(&a, "mojibake").is_some());
    assert_eq!(repair_count(&a, "traditional_to_simplified"), None);
    let lost = a.text.matches('\u{FFFD}').count();
    let warned: usize = a
        .decode
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::GarbledText && w.start.is_some())
        .count();
    assert!(lost > 0 && warned > 0);
    assert!(
        a.text.contains("医療体制") || a.text.contains("都民に対して"),
        "{}",
        a.text
    );

    // Chinese misread as GBK.
    let paste = format!("{}\n\n{}", SEED_PARAGRAPHS[2], SEED_PARAGRAPHS[3]);
    let a = text(&misread(&paste, encoding_rs::GBK));
    assert_eq!(repair_count(&a, "mojibake"), Some(2), "{:?}", a.decode);
    let lost = a.text.matches('\u{FFFD}').count();
    assert!(lost <= 2, "{}", a.text);
    let same = a
        .text
        .chars()
        .zip(paste.chars())
        .filter(|(x, y)| x == y)
        .count();
    assert!(same + lost >= paste.chars().count() - 2, "{}", a.text);
}

#[test]
fn brackets_and_punctuation_that_must_survive() {
    let a = text("美联社(AP)报道，公司总裁(CEO)在2024年报告(2024)中说：“增长3.5%，见http://example.com/a?b=1 和 14:11 的公告（上）。”（记者 张三 摄）(完)");
    for keep in [
        "(AP)",
        "(CEO)",
        "(2024)",
        "3.5%",
        "http://example.com/a?b=1",
        "14:11",
        "（上）",
    ] {
        let all = format!(
            "{} {}",
            a.text,
            a.blocks
                .iter()
                .map(|b| b.text.clone())
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(all.contains(keep), "{keep} lost from {all}");
    }
    // Kept, and made full-width like the rest of the CJK punctuation.
    assert_eq!(a.end_mark.as_deref(), Some("（完）"));
    assert_eq!(repair_count(&a, "pinyin_glosses_removed"), None);
}

/// A short sentence holding one ad, share or comment word is prose: it
/// neither becomes boilerplate nor ends the body (the rest of the article
/// went to boilerplate before).
#[test]
fn a_short_sentence_with_an_ad_word_stays_in_the_body() {
    let a = text("标题：新技术发布\n\n本报讯 某公司今天发布了一项新技术，这项技术可以大幅提高生产效率，受到广泛关注。\n\n该技术已在全国推广。\n\n专家表示，这项技术将在未来几年内改变整个行业的面貌，值得期待。\n");
    assert_eq!(a.text.split("\n\n").count(), 3, "{}", a.text);
    assert!(a.text.contains("该技术已在全国推广。"));
    assert!(a.text.ends_with("值得期待。"));
    assert!(a.boilerplate.is_empty(), "{:?}", a.boilerplate);
    // A copyright line stays boilerplate though it ends like a sentence.
    let a = text("本报讯 某公司今天发布了一项新技术，这项技术可以大幅提高生产效率，受到广泛关注。\n\n专家表示，这项技术将在未来几年内改变整个行业的面貌，值得期待。\n\n© 2025 Example Media.\n");
    assert!(!a.text.contains('©'), "{}", a.text);
}

/// A first sentence that holds a date is text, not a credit line: it was
/// consumed for its date and its words were in no field.
#[test]
fn a_dated_first_sentence_stays_in_the_body() {
    let a = text("Plant closes after fifty years\n\nOn March 3, 2024 the plant closed.\n\nWorkers gathered outside the gates on Monday morning to mark the end of an era for the town, officials said.\n");
    assert_eq!(a.title.as_deref(), Some("Plant closes after fifty years"));
    assert!(
        a.text.starts_with("On March 3, 2024 the plant closed.\n\n"),
        "{}",
        a.text
    );
    // A bare date line is still a credit line.
    let a = text("Plant closes after fifty years\n\nMarch 3, 2024\n\nWorkers gathered outside the gates on Monday morning to mark the end of an era for the town, officials said.\n");
    assert_eq!(a.published.as_deref(), Some("2024-03-03"));
    assert!(!a.text.contains("March 3"), "{}", a.text);
}

#[test]
fn a_paste_of_too_many_lines_reads_the_rest_as_one_paragraph_and_says_so() {
    // 30 000 one-word lines: more than the line budget (10 000 for a text
    // this size). Every word is kept, in order, and a warning names the bound.
    let words: Vec<String> = (0..30_000).map(|i| format!("w{i}")).collect();
    let a = text(&words.join("\n"));
    let kept: Vec<&str> = a.text.split_whitespace().collect();
    assert_eq!(kept.len(), words.len());
    assert!(kept.iter().zip(&words).all(|(k, w)| k == w));
    assert!(a.blocks.len() <= 10_000, "{} blocks", a.blocks.len());
    let warning = a
        .decode
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::LimitReached)
        .expect("limit_reached");
    assert!(
        warning.message.contains("20001 lines"),
        "{}",
        warning.message
    );
    // A paste within the budget is read line by line, with no warning.
    let a = text(&words[..500].join("\n"));
    assert_eq!(a.blocks.len(), 500);
    assert!(a.decode.warnings.is_empty(), "{:?}", a.decode.warnings);
}

/// A numbered section line inside hard-wrapped prose (lines cut
/// mid-sentence, as `<br>`-separated pages and old plain-text essays have
/// them) is a section of the text, not the start of a numbered link list
/// that ends the body.
#[test]
fn a_numbered_section_in_hard_wrapped_text_does_not_end_the_body() {
    let paste =
        "当今中国最流行的是什么主义？答：犬儒主义。这是一段很长的文字，用来测试正文的提取。\n\n\
1.犬儒主义的来龙去脉\n\n\
犬儒主义（Cynicism）是个外来词，中文里本来没有现成的对应词汇，通常将\n\
它理解为讥诮嘲讽，愤世嫉俗，玩世不恭。这些理解大致不差，不过，我们若想\n\
对犬儒一词有更完整的把握，有必要略略追溯一下它的起源和演变的过程。\n\n\
2.犬儒主义的今天\n\n\
今天的犬儒主义和古希腊的犬儒主义已经大不相同，我们需要仔细地加以\n\
分辨两者之间的区别，才能理解它在当代中国社会中的种种表现和深远影响。\n";
    let a = text(paste);
    for part in ["1.犬儒主义的来龙去脉", "起源", "2.犬儒主义的今天", "影响"] {
        assert!(a.text.contains(part), "{part}: {}", a.text);
    }
}

/// The share of `want`'s characters that `got` keeps, in order (the
/// longest common subsequence).
fn kept_share(want: &str, got: &str) -> f64 {
    let (w, g): (Vec<char>, Vec<char>) = (want.chars().collect(), got.chars().collect());
    let mut row = vec![0usize; g.len() + 1];
    for &a in &w {
        let mut diagonal = 0;
        for (j, &b) in g.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if a == b {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[g.len()] as f64 / w.len().max(1) as f64
}

#[test]
fn the_seed_misread_as_gbk_comes_back() {
    // UTF-8 saved after being read as GBK: what the wrong decoder could not
    // map is lost; the rest comes back, with the credits read from it.
    let good = text(SEED);
    let broken = misread(SEED, encoding_rs::GBK);
    let lost = broken.matches('\u{FFFD}').count();
    let a = text(&broken);
    let share = kept_share(&good.text, &a.text);
    assert_eq!(a.title, good.title);
    assert_eq!(a.published, good.published);
    assert_eq!(a.source, good.source);
    assert!(share >= 0.95, "{share} of the body kept, {lost} bytes lost");
    assert_eq!(a.editors.len(), 1, "the editor, her last character lost");
}

#[test]
fn an_html_page_misread_as_gbk_comes_back() {
    // A chinanews-style page saved as UTF-8 after being read as GBK.
    let bytes = include_bytes!("pages/cms-chinanews-gbk/input.html");
    let page = encoding_rs::GBK
        .decode_without_bom_handling(bytes)
        .0
        .into_owned();
    let good = text(&page);
    let a = text(&misread(&page, encoding_rs::GBK));
    assert!(good.title.is_some() && good.published.is_some() && good.source.is_some());
    assert_eq!(a.title, good.title);
    assert_eq!(a.published, good.published);
    assert_eq!(a.source, good.source);
    let share = kept_share(&good.text, &a.text);
    assert!(share >= 0.95, "{share}: {}", a.text);
}
