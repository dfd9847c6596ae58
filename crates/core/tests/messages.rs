//! Every interface message, rendered with sample arguments in each language, compared with
//! the approved list in `tests/approved/messages.<lang>.txt`: a change of wording is a
//! reviewed change. After reviewing a difference, approve it with
//!
//! ```sh
//! APPROVE_MESSAGES=1 cargo test -p flowmap-core --test messages
//! ```
//!
//! and commit the rewritten lists with the change. A second test checks that no English is
//! left in the Russian, Ukrainian and Serbian interface.

use flowmap_core::i18n::{
    count, plural, to_cyrillic, tr, trf, unit_forms, Lang, Msg, Noun, KNOWN_UNITS, LATIN_TOKENS,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Sample words in one language: what the code puts into the messages' placeholders.
struct Samples {
    serbia: &'static str,
    ukraine: &'static str,
    czechia: &'static str,
    bulgaria: &'static str,
    /// A speaker whose verb is singular, and one whose verb is plural.
    svr: &'static str,
    officials: &'static str,
    /// Publications as `source_line` writes them.
    outlet: &'static str,
    outlets: &'static str,
    money: &'static str,
    money_whole: &'static str,
    money_part: &'static str,
    stake: &'static str,
    /// Months as they read after "since" and "until".
    since: &'static str,
    until: &'static str,
    goods: &'static str,
    units: &'static str,
}

fn samples(lang: Lang) -> Samples {
    match lang {
        Lang::En => Samples {
            serbia: "Serbia",
            ukraine: "Ukraine",
            czechia: "Czechia",
            bulgaria: "Bulgaria",
            svr: "Russia's SVR",
            officials: "Officials in Belgrade",
            outlet: "RKS News, 23 Jun 2025",
            outlets: "RKS News, 23 Jun 2025; Vlast",
            money: "$71.1 million",
            money_whole: "$346 million (Ukraine's ammunition imports in July 2023)",
            money_part: "$54.3 million high-priority items",
            stake: "a party to the war",
            since: "Feb 2022",
            until: "Jul 2023",
            goods: "arms and ammunition (13), energy (4)",
            units: "rounds, shells",
        },
        Lang::Ru => Samples {
            serbia: "Сербия",
            ukraine: "Украина",
            czechia: "Чехия",
            bulgaria: "Болгария",
            svr: "СВР России",
            officials: "Официальные лица в Белграде",
            outlet: "RKS News, 23 июня 2025",
            outlets: "RKS News, 23 июня 2025; Власть",
            money: "71,1 млн долл. США",
            money_whole: "346 млн долл. США (импорт боеприпасов Украиной в июле 2023 года)",
            money_part: "54,3 млн долл. США — приоритетные товары",
            stake: "сторона войны",
            since: "февраля 2022",
            until: "июля 2023",
            goods: "оружие и боеприпасы (13), энергоносители (4)",
            units: "патроны, снаряды",
        },
        Lang::Uk => Samples {
            serbia: "Сербія",
            ukraine: "Україна",
            czechia: "Чехія",
            bulgaria: "Болгарія",
            svr: "СЗР Росії",
            officials: "Офіційні особи в Белграді",
            outlet: "RKS News, 23 червня 2025",
            outlets: "RKS News, 23 червня 2025; Власть",
            money: "71,1 млн дол. США",
            money_whole: "346 млн дол. США (імпорт боєприпасів Україною в липні 2023 року)",
            money_part: "54,3 млн дол. США — пріоритетні товари",
            stake: "сторона війни",
            since: "лютого 2022",
            until: "липня 2023",
            goods: "зброя та боєприпаси (13), енергоносії (4)",
            units: "набої, снаряди",
        },
        Lang::SrLatn | Lang::SrCyrl => Samples {
            serbia: "Srbija",
            ukraine: "Ukrajina",
            czechia: "Češka",
            bulgaria: "Bugarska",
            svr: "Ruska SVR",
            officials: "Zvaničnici u Beogradu",
            outlet: "RKS News, 23. juna 2025.",
            outlets: "RKS News, 23. juna 2025.; Vlast",
            money: "71,1 mil. dolara",
            money_whole: "346 mil. dolara (uvoz municije u Ukrajinu u julu 2023.)",
            money_part: "54,3 mil. dolara za robu visokog prioriteta",
            stake: "strana u ratu",
            since: "februara 2022.",
            until: "jula 2023.",
            goods: "oružje i municija (13), energenti (4)",
            units: "meci, granate",
        },
    }
}

/// A sample in the script of `lang` (the dataset gives Serbian Cyrillic names of its own;
/// here they are the Latin ones, transliterated, but for "RKS News", which the dataset
/// writes in Latin in every language).
fn script(lang: Lang, text: &str) -> String {
    if lang == Lang::SrCyrl {
        to_cyrillic(text).replace("РКС", "RKS")
    } else {
        text.to_string()
    }
}

/// The arguments the code passes to `msg`, as samples in `lang`.
fn arguments(lang: Lang, msg: Msg) -> Vec<String> {
    let s = samples(lang);
    let w = |t: &str| script(lang, t);
    let flows = |n| count(lang, n, Noun::Flow);
    match msg {
        Msg::Problems => vec![count(lang, 2, Noun::Problem)],
        Msg::Warnings => vec![count(lang, 5, Noun::Check)],
        Msg::Stake => vec![w(s.stake)],
        Msg::ReportedBy => vec![w(s.outlet)],
        Msg::LineSum => {
            vec![flows(12), flowmap_core::format::figure(3400.0, "flights", false, lang)]
        }
        Msg::LineNotAdded | Msg::LineUndisclosed => vec![flows(9)],
        // A table's own name, in the language of the statistics office.
        Msg::FromTable => vec!["Exports by partner country, HS 93".into()],
        Msg::TotalsOut | Msg::TotalsIn => vec![flows(2), w(s.money)],
        Msg::TotalsThrough => vec![flows(1)],
        Msg::OffScaleHint => vec![w(s.units)],
        Msg::Showing => vec!["21".into(), "28".into()],
        Msg::OnlyFirst => vec!["100".into()],
        Msg::FiltersOn => vec!["2".into()],
        Msg::StepOf => vec!["2".into(), "5".into()],
        Msg::BackToStep => vec!["3".into()],
        Msg::AndMore => vec!["42".into()],
        Msg::TableRows => vec!["101".into(), "200".into(), "80,000".into()],
        Msg::PreviousRows | Msg::NextRows => vec!["100".into()],
        Msg::WithFigure => vec!["2".into(), "12".into()],
        Msg::MapLabel => vec![flows(28)],
        Msg::MarkerLabel => vec![
            w(s.serbia),
            flows(5),
            w(s.money),
            flows(1),
            tr(lang, Msg::NoStatedValue),
            flows(2),
        ],
        Msg::OffMap => vec![w(s.ukraine)],
        Msg::ClusterName => vec![w(s.serbia), count(lang, 12, Noun::Place)],
        Msg::ClusterLabel => vec![
            flowmap_core::i18n::trf(
                lang,
                Msg::ClusterName,
                &[&w(s.serbia), &count(lang, 12, Noun::Place)],
            ),
            flows(5),
            w(s.money),
            flows(1),
            tr(lang, Msg::NoStatedValue),
            flows(2),
        ],
        Msg::ClusterInside => vec![flows(3)],
        Msg::ClusterPlaces => vec![format!(
            "{}, {}, {}",
            w(s.serbia),
            w(s.czechia),
            flowmap_core::i18n::trf(lang, Msg::AndMore, &["10"])
        )],
        Msg::FrameTitle => vec![w(s.serbia)],
        Msg::FromTo => vec![w(s.serbia), w(s.ukraine)],
        Msg::Via => vec![w(s.czechia)],
        Msg::SummaryCounts => vec![flows(21), count(lang, 5, Noun::Country)],
        Msg::GoodsList => vec![w(s.goods)],
        Msg::ClaimsList => vec![format!("{} (5)", tr(lang, Msg::StatusDocumented))],
        Msg::AtLeast | Msg::About => vec![w(s.money)],
        Msg::OfWhich => vec![w(s.money_part)],
        Msg::PartOf => vec![w(s.money_whole)],
        Msg::FlowsListed | Msg::FlowsOverlapListed => {
            vec![format!("{}; {}", w(s.money), w(s.money_whole))]
        }
        Msg::Since => vec![w(s.since)],
        Msg::Until => vec![w(s.until)],
        Msg::MapPng => vec!["2×".into()],
        Msg::ExportFilters => vec![format!(
            "{}; {}",
            render(lang, Msg::ShownGoods, &[w(s.goods)]),
            render(lang, Msg::ShownPeriod, &[render(lang, Msg::Since, &[w(s.since)])])
        )],
        Msg::ShownGoods => vec![w(s.goods)],
        Msg::ShownClaims => vec![tr(lang, Msg::StatusAlleged)],
        Msg::ShownSource => vec![w(s.outlet)],
        Msg::ShownSpeaker => vec![w(s.svr)],
        Msg::ShownPeriod => vec![render(lang, Msg::Since, &[w(s.since)])],
        _ => Vec::new(),
    }
}

fn render(lang: Lang, msg: Msg, args: &[String]) -> String {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    trf(lang, msg, &args)
}

const STATUSES: [(&str, Msg, Msg); 5] = [
    ("Documented", Msg::StatusDocumented, Msg::ExplainDocumented),
    ("Reported", Msg::StatusReported, Msg::ExplainReported),
    ("Alleged", Msg::StatusAlleged, Msg::ExplainAlleged),
    ("Denied", Msg::StatusDenied, Msg::ExplainDenied),
    ("Unverified", Msg::StatusUnverified, Msg::ExplainUnverified),
];

const STANCES: [(&str, Msg, Msg); 7] = [
    ("Claims", Msg::StanceClaims, Msg::StanceClaimsPl),
    ("Finds", Msg::StanceFinds, Msg::StanceFindsPl),
    ("Confirms", Msg::StanceConfirms, Msg::StanceConfirmsPl),
    ("Estimates", Msg::StanceEstimates, Msg::StanceEstimatesPl),
    ("Acknowledges", Msg::StanceAcknowledges, Msg::StanceAcknowledgesPl),
    ("Denies", Msg::StanceDenies, Msg::StanceDeniesPl),
    ("Disputes", Msg::StanceDisputes, Msg::StanceDisputesPl),
];

/// Every message with its sample arguments, then the text the interface puts together from
/// several: counts, units, a route through one and two other countries (as a flow's spoken
/// name begins), each claim status as the tooltip and the legend show it, each stance as a
/// tooltip line, and a summary.
fn rendered(lang: Lang) -> Vec<(String, String)> {
    let s = samples(lang);
    let w = |t: &str| script(lang, t);
    let mut out: Vec<(String, String)> = Msg::ALL
        .iter()
        .map(|m| (format!("{m:?}"), render(lang, *m, &arguments(lang, *m))))
        .collect();
    for (noun, name) in [
        (Noun::Flow, "Flow"),
        (Noun::Country, "Country"),
        (Noun::Problem, "Problem"),
        (Noun::Check, "Check"),
    ] {
        for n in [1, 2, 5, 21] {
            out.push((format!("count.{name}.{n}"), count(lang, n, noun)));
        }
    }
    for unit in KNOWN_UNITS {
        let forms = unit_forms(lang, unit).expect("a known unit has words");
        for n in [1, 2, 5, 21] {
            out.push((format!("unit.{unit}.{n}"), format!("{n} {}", plural(lang, forms, n))));
        }
    }
    for n in [1, 2, 5, 21] {
        out.push((format!("Showing.{n}"), trf(lang, Msg::Showing, &[&n.to_string(), "21"])));
        out.push((
            format!("TotalsThrough.{n}"),
            trf(lang, Msg::TotalsThrough, &[&count(lang, n, Noun::Flow)]),
        ));
        out.push((
            format!("Problems.{n}"),
            trf(lang, Msg::Problems, &[&count(lang, n, Noun::Problem)]),
        ));
        out.push((
            format!("Warnings.{n}"),
            trf(lang, Msg::Warnings, &[&count(lang, n, Noun::Check)]),
        ));
    }
    // As describe::accessible_name begins a flow's spoken name.
    let from_to = render(lang, Msg::FromTo, &[w(s.serbia), w(s.ukraine)]);
    let and = format!(" {} ", tr(lang, Msg::And));
    for (name, via) in [
        ("route.direct", Vec::new()),
        ("route.via-one", vec![w(s.czechia)]),
        ("route.via-two", vec![w(s.czechia), w(s.bulgaria)]),
    ] {
        let mut text = from_to.clone();
        if !via.is_empty() {
            text.push(' ');
            text.push_str(&render(lang, Msg::Via, &[via.join(&and)]));
        }
        out.push((name.to_string(), format!("{text}: …")));
    }
    for (name, label, explanation) in STATUSES {
        out.push((
            format!("tooltip.status.{name}"),
            format!("{} {}", tr(lang, Msg::ClaimColon), tr(lang, label)),
        ));
        out.push((
            format!("legend.status.{name}"),
            format!("{}: {}", tr(lang, label), tr(lang, explanation)),
        ));
    }
    for (name, one, several) in STANCES {
        let reported = render(lang, Msg::ReportedBy, &[w(s.outlets)]);
        out.push((
            format!("statement.{name}"),
            format!("{} {} ({reported})", w(s.svr), tr(lang, one)),
        ));
        out.push((
            format!("statement.{name}.plural"),
            format!("{} {} ({reported})", w(s.officials), tr(lang, several)),
        ));
    }
    out.push((
        "panel.cite".to_string(),
        format!("{} {} · {}", tr(lang, Msg::PublishedIn), w(s.outlet), tr(lang, Msg::KindNews)),
    ));
    let claims: Vec<String> = STATUSES
        .iter()
        .zip([5, 3, 2, 1, 10])
        .map(|((_, label, _), n)| format!("{} ({n})", tr(lang, *label)))
        .collect();
    out.push((
        "summary".to_string(),
        format!(
            "{} {} {}",
            render(
                lang,
                Msg::SummaryCounts,
                &[count(lang, 21, Noun::Flow), count(lang, 5, Noun::Country)]
            ),
            render(lang, Msg::GoodsList, &[w(s.goods)]),
            render(lang, Msg::ClaimsList, &[claims.join(", ")]),
        ),
    ));
    out
}

fn approved_path(lang: Lang) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/approved")
        .join(format!("messages.{}.txt", lang.tag()))
}

fn header(lang: Lang) -> String {
    format!(
        "# Interface text in {} ({}), rendered with sample arguments: `name | text`.\n\
         # Approved wording; regenerate after review with\n\
         # APPROVE_MESSAGES=1 cargo test -p flowmap-core --test messages\n",
        lang.endonym(),
        lang.tag()
    )
}

fn parse(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| match l.split_once(" | ") {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

fn check_approved(lang: Lang) {
    let now = rendered(lang);
    for (name, text) in &now {
        assert!(
            !text.contains('{') && !text.contains('\n'),
            "{name} in {lang:?} keeps a placeholder or a line break: {text:?}; \
             give it sample arguments in tests/messages.rs"
        );
    }
    let path = approved_path(lang);
    if std::env::var_os("APPROVE_MESSAGES").is_some() {
        let mut file = header(lang);
        for (name, text) in &now {
            file.push_str(&format!("{name} | {text}\n"));
        }
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, file).unwrap();
        return;
    }
    let approved = std::fs::read_to_string(&path).unwrap_or_default();
    let approved = parse(&approved);
    if approved == now {
        return;
    }
    let old: BTreeMap<&str, &str> =
        approved.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let new: BTreeMap<&str, &str> = now.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut diff = String::new();
    for (name, text) in &now {
        match old.get(name.as_str()) {
            Some(before) if before == text => {}
            Some(before) => diff.push_str(&format!("- {name} | {before}\n+ {name} | {text}\n")),
            None => diff.push_str(&format!("+ {name} | {text}\n")),
        }
    }
    for (name, text) in &approved {
        if !new.contains_key(name.as_str()) {
            diff.push_str(&format!("- {name} | {text}\n"));
        }
    }
    if diff.is_empty() {
        diff.push_str("(the same lines in another order)\n");
    }
    panic!(
        "the {} interface text differs from {}:\n{diff}\n\
         If the new wording is right (have a native speaker review it), approve it with\n\
         APPROVE_MESSAGES=1 cargo test -p flowmap-core --test messages\n\
         and commit the rewritten file.",
        lang.tag(),
        path.display()
    );
}

#[test]
fn english_messages_are_approved() {
    check_approved(Lang::En);
}

#[test]
fn russian_messages_are_approved() {
    check_approved(Lang::Ru);
}

#[test]
fn ukrainian_messages_are_approved() {
    check_approved(Lang::Uk);
}

#[test]
fn serbian_latin_messages_are_approved() {
    check_approved(Lang::SrLatn);
}

#[test]
fn serbian_cyrillic_messages_are_approved() {
    check_approved(Lang::SrCyrl);
}

/// The interface's own words in `lang` (no sample arguments): every message without its
/// placeholders, and the counted nouns and units.
fn own_text(lang: Lang) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Msg::ALL
        .iter()
        .map(|m| {
            let mut text = tr(lang, *m);
            for i in 0..10 {
                text = text.replace(&format!("{{{i}}}"), " ");
            }
            (format!("{m:?}"), text)
        })
        .collect();
    for n in [1, 2, 5] {
        for noun in [Noun::Flow, Noun::Country, Noun::Problem, Noun::Check] {
            out.push((format!("{noun:?}"), count(lang, n, noun)));
        }
        for unit in KNOWN_UNITS {
            let forms = unit_forms(lang, unit).unwrap();
            out.push((unit.to_string(), plural(lang, forms, n as u64)));
        }
    }
    out
}

/// `text` without the tokens that stay in Latin script.
fn without_latin_tokens(text: &str) -> String {
    let mut tokens: Vec<&str> = LATIN_TOKENS.to_vec();
    tokens.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut out = format!(" {text} ");
    for t in tokens {
        // Whole words only: "Tab" in "Tabela" is not the key.
        let mut rest = String::new();
        let mut at = 0;
        for (i, _) in out.match_indices(t) {
            let before = out[..i].chars().next_back();
            let after = out[i + t.len()..].chars().next();
            let whole = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            if i >= at && whole(before) && whole(after) {
                rest.push_str(&out[at..i]);
                rest.push(' ');
                at = i + t.len();
            }
        }
        rest.push_str(&out[at..]);
        out = rest;
    }
    out
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty())
}

fn is_latin(c: char) -> bool {
    c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52f}').contains(&c)
}

#[test]
fn no_english_is_left_in_the_other_languages() {
    let mut found = Vec::new();
    // Russian, Ukrainian and Serbian Cyrillic: no Latin letter outside the Latin tokens, and
    // no word of mixed scripts (a Latin "o" or "c" typed inside a Cyrillic word).
    for lang in [Lang::Ru, Lang::Uk, Lang::SrCyrl] {
        for (name, text) in own_text(lang) {
            let rest = without_latin_tokens(&text);
            if rest.chars().any(is_latin) {
                found.push(format!("{lang:?} {name}: Latin letters in {text:?}"));
            }
            for w in words(&text) {
                if w.chars().any(is_latin) && w.chars().any(is_cyrillic) {
                    found.push(format!("{lang:?} {name}: mixed scripts in {w:?}"));
                }
            }
        }
    }
    // Serbian Latin: no letter Serbian lacks (q, w, x, y) outside the Latin tokens, and no
    // English word of the catalogue, except those that are Serbian words too.
    const SERBIAN_TOO: [&str; 2] = ["period", "link"];
    let english: BTreeSet<String> = own_text(Lang::En)
        .iter()
        .flat_map(|(_, t)| words(t).map(str::to_lowercase).collect::<Vec<_>>())
        .filter(|w| w.chars().count() > 2)
        .collect();
    for (name, text) in own_text(Lang::SrLatn) {
        let rest = without_latin_tokens(&text);
        if rest.chars().any(|c| "qwxyQWXY".contains(c)) {
            found.push(format!("SrLatn {name}: q, w, x or y in {text:?}"));
        }
        for w in words(&rest) {
            let lower = w.to_lowercase();
            if english.contains(&lower) && !SERBIAN_TOO.contains(&lower.as_str()) {
                found.push(format!("SrLatn {name}: English word {w:?} in {text:?}"));
            }
        }
    }
    assert!(found.is_empty(), "English left in:\n{}", found.join("\n"));
}

#[test]
fn the_checks_catch_english() {
    // The helpers above find what they are for.
    assert!(without_latin_tokens("Карта Map").contains("Map"));
    assert!(!without_latin_tokens("Карта в SVG (Ctrl)").chars().any(is_latin));
    assert!(without_latin_tokens("Tabela").contains("Tabela"));
    assert!(!without_latin_tokens("Графика: flowmap. Карта: Natural Earth").chars().any(is_latin));
}
