//! Every piece of interface text: English, Russian, Ukrainian and Serbian (written once, in
//! Latin script; Cyrillic is transliterated). An empty string marks a missing translation.

use super::{Lang, Noun};

macro_rules! catalogue {
    ($($name:ident => [$en:expr, $ru:expr, $uk:expr, $sr:expr $(,)?],)*) => {
        /// A piece of interface text; its English wording is in [`english`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// Every message.
            pub const ALL: [Msg; [$(Msg::$name),*].len()] = [$(Msg::$name),*];
        }

        /// The English text of a message.
        pub fn english(msg: Msg) -> &'static str {
            match msg { $(Msg::$name => $en),* }
        }

        fn given(text: &'static str) -> Option<&'static str> {
            (!text.is_empty()).then_some(text)
        }

        /// The Russian text, if translated.
        pub fn russian(msg: Msg) -> Option<&'static str> {
            given(match msg { $(Msg::$name => $ru),* })
        }

        /// The Ukrainian text, if translated.
        pub fn ukrainian(msg: Msg) -> Option<&'static str> {
            given(match msg { $(Msg::$name => $uk),* })
        }

        /// The Serbian text in Latin script, if translated.
        pub fn serbian_latin(msg: Msg) -> Option<&'static str> {
            given(match msg { $(Msg::$name => $sr),* })
        }
    };
}

catalogue! {
    // The page and its tools.
    Loading => ["Loading the map…", "Карта загружается…", "Карта завантажується…", "Mapa se učitava…"],
    CouldNotShow => ["The map could not be shown", "Не удалось показать карту", "Не вдалося показати карту", "Mapa ne može da se prikaže"],
    Stopped => ["The map stopped working", "Карта перестала работать", "Карта перестала працювати", "Mapa je prestala da radi"],
    ReloadPlease => [
        "Please reload the page. If this happens again, tell the newsroom: {0}",
        "Перезагрузите страницу. Если это повторится, сообщите редакции: {0}",
        "Перезавантажте сторінку. Якщо це повториться, повідомте редакцію: {0}",
        "Ponovo učitajte stranicu. Ako se ovo ponovi, javite redakciji: {0}",
    ],
    ShowAs => ["Show as", "Показать как", "Показати як", "Prikaži kao"],
    ViewMap => ["Map", "Карта", "Карта", "Mapa"],
    ViewTable => ["Table", "Таблица", "Таблиця", "Tabela"],
    Language => ["Language", "Язык", "Мова", "Jezik"],
    Keyboard => ["Keyboard", "Клавиатура", "Клавіатура", "Tastatura"],
    KeyTab => ["reaches the map, then the controls", "переход к карте, затем к элементам управления", "перехід до карти, потім до елементів керування", "vodi do mape, pa do kontrola"],
    KeyArrows => ["move between flows (or places)", "переход между потоками (или местами)", "перехід між потоками (або місцями)", "kretanje između tokova (ili mesta)"],
    Or => ["or", "или", "або", "ili"],
    KeySpace => ["Space", "Пробел", "Пробіл", "Razmak"],
    KeyEnter => ["opens a flow's details", "открывает подробности потока", "відкриває подробиці потоку", "otvara detalje toka"],
    KeyEsc => ["closes them", "закрывает их", "закриває їх", "zatvara ih"],
    KeyZoom => ["zoom", "масштаб", "масштаб", "zumiranje"],
    KeyReset => ["resets", "сброс", "скидання", "vraća početni prikaz"],
    SourceLabel => ["Source:", "Источник:", "Джерело:", "Izvor:"],
    MapCredit => ["Map:", "Карта:", "Карта:", "Mapa:"],
    Problems => ["{0} in the data; what they affect is not shown", "В данных {0}; затронутое ими не показано", "У даних {0}; те, чого вони стосуються, не показано", "U podacima: {0}; ono na šta utiču nije prikazano"],
    Warnings => [
        "{0} for the editor: the flows concerned are shown as marked",
        "Редактору нужно проверить: {0}; эти потоки показаны с выбранным статусом",
        "Редакторові треба перевірити: {0}; ці потоки показано з обраним статусом",
        "Za urednika: {0}; ti tokovi su prikazani sa izabranim statusom",
    ],
    // Legend.
    Legend => ["Legend", "Легенда", "Легенда", "Legenda"],
    Goods => ["Goods", "Товары", "Товари", "Roba"],
    HowSolidLong => ["How solid the claim is", "Насколько надёжно утверждение", "Наскільки надійне твердження", "Koliko je tvrdnja pouzdana"],
    Value => ["Value", "Объём или стоимость", "Обсяг або вартість", "Iznos"],
    NotDisclosed => ["not disclosed", "не раскрыты", "не розкрито", "nije objavljen"],
    WidthHint => [
        "Line width by stated amount (dollars, euros…); amounts in different currencies are compared as stated, not converted.",
        "Толщина линии — по заявленной сумме (доллары, евро…); суммы в разных валютах сравниваются как есть, без пересчёта.",
        "Товщина лінії — за заявленою сумою (долари, євро…); суми в різних валютах порівнюються як є, без перерахунку.",
        "Debljina linije prema navedenom iznosu (dolari, evri…); iznosi u različitim valutama porede se kako su navedeni, bez konverzije.",
    ],
    // Claim status: label and meaning.
    StatusDocumented => ["documented", "подтверждено документами", "підтверджено документами", "dokumentovano"],
    StatusReported => ["reported", "сообщают СМИ", "повідомляють ЗМІ", "prenose mediji"],
    StatusAlleged => ["alleged", "утверждается", "стверджується", "tvrdi se"],
    StatusDenied => ["denied", "отрицается", "заперечується", "poriče se"],
    StatusUnverified => ["unverified (secondary analysis)", "не проверено (вторичный анализ)", "не перевірено (вторинний аналіз)", "neprovereno (sekundarna analiza)"],
    ExplainDocumented => ["shown by records or official data", "подтверждается документами (например, таможенными) или официальными данными", "підтверджується документами (наприклад, митними) або офіційними даними", "potvrđeno dokumentacijom ili zvaničnim podacima"],
    ExplainReported => ["reported or estimated by news media, or stated by an official body, without records to show it", "сообщение или оценка СМИ либо заявление официального органа, без подтверждающих документов", "повідомлення або оцінка ЗМІ чи заява офіційного органу, без підтверджувальних документів", "izveštaj ili procena medija ili izjava zvaničnog tela, bez dokumentacije koja to pokazuje"],
    ExplainAlleged => ["claimed by a party with a stake in it", "заявление стороны, заинтересованной в исходе", "заява сторони, зацікавленої в результаті", "tvrdnja strane koja ima interes u tome"],
    ExplainDenied => ["denied by those accused", "отрицается обвиняемой стороной", "заперечується звинуваченою стороною", "poriču ga optuženi"],
    ExplainUnverified => [
        "rests only on a secondary analysis whose sources could not be checked",
        "основано только на вторичном анализе, источники которого проверить не удалось",
        "ґрунтується лише на вторинному аналізі, джерела якого не вдалося перевірити",
        "zasniva se samo na sekundarnoj analizi čiji izvori nisu mogli da se provere",
    ],
    // Kinds of source.
    KindCustoms => ["customs-records investigation", "расследование по таможенным данным", "розслідування за митними даними", "istraživanje carinskih podataka"],
    KindOfficial => ["official statement", "официальное заявление", "офіційна заява", "zvanična izjava"],
    KindIntelligence => ["intelligence-service claim", "заявление спецслужбы", "заява спецслужби", "tvrdnja obaveštajne službe"],
    KindEstimate => ["news estimate", "оценка СМИ", "оцінка ЗМІ", "procena medija"],
    KindNews => ["news report", "сообщение СМИ", "повідомлення ЗМІ", "medijski izveštaj"],
    KindAnalysis => ["analysis", "аналитика", "аналітика", "analiza"],
    KindDataset => ["dataset", "набор данных", "набір даних", "skup podataka"],
    // Kinds of speaker.
    SpeakerRecords => ["records investigation", "расследование по документам", "розслідування за документами", "istraživanje dokumentacije"],
    SpeakerOfficialData => ["official data", "официальные данные", "офіційні дані", "zvanični podaci"],
    SpeakerGovernment => ["government or public body", "власти или государственный орган", "влада або державний орган", "vlast ili javno telo"],
    SpeakerIntelligence => ["intelligence service", "спецслужба", "спецслужба", "obaveštajna služba"],
    SpeakerNewsOutlet => ["news outlet", "СМИ", "ЗМІ", "medij"],
    SpeakerAnalyst => ["analyst", "аналитик", "аналітик", "analitičar"],
    SpeakerCompany => ["company", "компания", "компанія", "kompanija"],
    SpeakerOther => ["other", "другое", "інше", "drugo"],
    Stake => ["stake: {0}", "заинтересованность: {0}", "зацікавленість: {0}", "interes: {0}"],
    // What a speaker does with a flow, said of one speaker and of several.
    StanceClaims => ["claims", "утверждает", "стверджує", "tvrdi"],
    StanceClaimsPl => ["claim", "утверждают", "стверджують", "tvrde"],
    StanceFinds => ["finds", "устанавливает", "встановлює", "utvrđuje"],
    StanceFindsPl => ["find", "устанавливают", "встановлюють", "utvrđuju"],
    StanceConfirms => ["confirms", "подтверждает", "підтверджує", "potvrđuje"],
    StanceConfirmsPl => ["confirm", "подтверждают", "підтверджують", "potvrđuju"],
    StanceEstimates => ["estimates", "оценивает", "оцінює", "procenjuje"],
    StanceEstimatesPl => ["estimate", "оценивают", "оцінюють", "procenjuju"],
    StanceAcknowledges => ["acknowledges", "признаёт", "визнає", "priznaje"],
    StanceAcknowledgesPl => ["acknowledge", "признают", "визнають", "priznaju"],
    StanceDenies => ["denies", "отрицает", "заперечує", "poriče"],
    StanceDeniesPl => ["deny", "отрицают", "заперечують", "poriču"],
    StanceDisputes => ["disputes", "оспаривает", "ставить під сумнів", "osporava"],
    StanceDisputesPl => ["dispute", "оспаривают", "ставлять під сумнів", "osporavaju"],
    ReportedBy => ["reported by {0}", "по сообщению {0}", "за повідомленням {0}", "prema pisanju {0}"],
    WhoSaysSo => ["Who says so", "Кто это утверждает", "Хто це стверджує", "Ko to tvrdi"],
    AllSpeakers => ["Anyone cited", "Все стороны", "Усі сторони", "Sve strane"],
    SpokenAgainst => ["denied or disputed by someone cited", "кто-то из цитируемых отрицает или оспаривает", "хтось із цитованих заперечує або ставить під сумнів", "neko od citiranih poriče ili osporava"],
    PublishedIn => ["Published in", "Опубликовано в", "Опубліковано в", "Objavljeno u"],
    // Tooltip and detail panel.
    ClaimColon => ["Claim:", "Надёжность:", "Надійність:", "Pouzdanost:"],
    Claim => ["Claim", "Утверждение", "Твердження", "Tvrdnja"],
    WhoSaysWhat => ["Who says so", "Кто что утверждает", "Хто що стверджує", "Ko šta tvrdi"],
    ClickHint => ["Click or press Enter for details", "Нажмите или Enter — подробности", "Натисніть або Enter — подробиці", "Kliknite ili pritisnite Enter za detalje"],
    TotalsOut => ["Out: {0}, {1}", "Исходящие: {0}; {1}", "Вихідні: {0}; {1}", "Odlazni: {0}; {1}"],
    TotalsIn => ["In: {0}, {1}", "Входящие: {0}; {1}", "Вхідні: {0}; {1}", "Dolazni: {0}; {1}"],
    TotalsThrough => ["Through: {0}", "Транзит: {0}", "Транзит: {0}", "Tranzit: {0}"],
    SumsHint => [
        "Figures are added only when they are alike (same currency or unit, whole totals, same goods); otherwise they are listed.",
        "Цифры складываются, только если они однородны (одна валюта или единица, полные суммы, одни товары); иначе они перечислены.",
        "Цифри додаються, лише якщо вони однорідні (одна валюта чи одиниця, повні суми, ті самі товари); інакше їх перелічено.",
        "Brojke se sabiraju samo kada su istovrsne (ista valuta ili jedinica, celi iznosi, ista roba); inače su navedene pojedinačno.",
    ],
    OffScaleHint => [
        "Figures in other units ({0}) are drawn at the thinnest width, not to scale.",
        "Цифры в других единицах ({0}) показаны самой тонкой линией, не в масштабе.",
        "Цифри в інших одиницях ({0}) показано найтоншою лінією, не в масштабі.",
        "Brojke u drugim jedinicama ({0}) prikazane su najtanjom linijom, ne u razmeri.",
    ],
    NoStatedValue => ["no stated value", "сумма не указана", "суму не вказано", "iznos nije naveden"],
    CloseDetails => ["Close details", "Закрыть подробности", "Закрити подробиці", "Zatvori detalje"],
    Period => ["Period", "Период", "Період", "Period"],
    NamedActors => ["Named actors", "Названные участники", "Названі учасники", "Imenovani akteri"],
    Link => ["link", "ссылка", "посилання", "link"],
    ReadSource => ["Read the source", "Читать источник", "Читати джерело", "Pročitajte izvor"],
    NewTab => ["(opens in a new tab)", "(откроется в новой вкладке)", "(відкриється в новій вкладці)", "(otvara se u novoj kartici)"],
    // Filters.
    Filters => ["Filters", "Фильтры", "Фільтри", "Filteri"],
    What => ["What", "Что", "Що", "Šta"],
    HowSolid => ["How solid", "Надёжность", "Надійність", "Pouzdanost"],
    Source => ["Source", "Источник", "Джерело", "Izvor"],
    AllSources => ["All sources", "Все источники", "Усі джерела", "Svi izvori"],
    Showing => ["Showing {0} of {1} flows", "Показано потоков: {0} из {1}", "Показано потоків: {0} з {1}", "Prikazano tokova: {0} od {1}"],
    ResetFilters => ["Reset filters", "Сбросить фильтры", "Скинути фільтри", "Poništi filtere"],
    When => ["When", "Когда", "Коли", "Kada"],
    FirstMonth => ["First month shown", "Первый показанный месяц", "Перший показаний місяць", "Prvi prikazani mesec"],
    LastMonth => ["Last month shown", "Последний показанный месяц", "Останній показаний місяць", "Poslednji prikazani mesec"],
    Events => ["Events", "События", "Події", "Događaji"],
    UndatedNote => ["Flows without dates stay shown.", "Потоки без дат показываются всегда.", "Потоки без дат показуються завжди.", "Tokovi bez datuma ostaju prikazani."],
    // Table.
    TableLabel => ["Flows as a table", "Потоки в виде таблицы", "Потоки у вигляді таблиці", "Tokovi kao tabela"],
    TableCaption => [
        "The flows shown, with their sources. Choose a column heading to sort.",
        "Показанные потоки с их источниками. Выберите заголовок столбца, чтобы отсортировать.",
        "Показані потоки з їхніми джерелами. Виберіть заголовок стовпця, щоб відсортувати.",
        "Prikazani tokovi sa izvorima. Izaberite naslov kolone da biste sortirali.",
    ],
    Route => ["Route", "Маршрут", "Маршрут", "Ruta"],
    // Zoom.
    ZoomIn => ["Zoom in", "Приблизить", "Наблизити", "Uvećaj"],
    ZoomOut => ["Zoom out", "Отдалить", "Віддалити", "Umanji"],
    ResetZoom => ["Reset zoom", "Сбросить масштаб", "Скинути масштаб", "Vrati razmeru"],
    ZoomHint => ["Hold Ctrl (⌘ on Mac) and scroll to zoom", "Удерживайте Ctrl (⌘ на Mac) и прокручивайте, чтобы изменить масштаб", "Утримуйте Ctrl (⌘ на Mac) і прокручуйте, щоб змінити масштаб", "Držite Ctrl (⌘ na Mac) i skrolujte za zumiranje"],
    // The map's accessible names.
    MapLabel => [
        "Map of {0}. Tab or arrow keys move between flows; Enter shows a flow's details; + and − zoom.",
        "Карта: {0}. Tab или стрелки — переход между потоками; Enter — подробности; + и − — масштаб.",
        "Карта: {0}. Tab або стрілки — перехід між потоками; Enter — подробиці; + і − — масштаб.",
        "Mapa: {0}. Tab ili strelice za kretanje između tokova; Enter za detalje; + i − za zumiranje.",
    ],
    MarkerLabel => ["{0}: {1} out ({2}), {3} in ({4}), {5} through", "{0}: исходящие — {1} ({2}); входящие — {3} ({4}); транзит — {5}", "{0}: вихідні — {1} ({2}); вхідні — {3} ({4}); транзит — {5}", "{0}: odlazni — {1} ({2}); dolazni — {3} ({4}); tranzit — {5}"],
    OffMap => ["{0} (off map)", "{0} (за пределами карты)", "{0} (за межами карти)", "{0} (van mape)"],
    // Publishing.
    Download => ["Download", "Скачать", "Завантажити", "Preuzmi"],
    MapSvg => ["Map as SVG", "Карта в SVG", "Карта в SVG", "Mapa kao SVG"],
    MapPng => ["Map as PNG (2×)", "Карта в PNG (2×)", "Карта в PNG (2×)", "Mapa kao PNG (2×)"],
    DataCsv => ["Data shown (CSV)", "Показанные данные (CSV)", "Показані дані (CSV)", "Prikazani podaci (CSV)"],
    DataJson => ["Data shown (JSON)", "Показанные данные (JSON)", "Показані дані (JSON)", "Prikazani podaci (JSON)"],
    Embed => ["Embed", "Встроить", "Вбудувати", "Ugradi"],
    EmbedHelp => [
        "Paste this into the article (the script sizes the frame to the map):",
        "Вставьте это в статью (скрипт подгонит высоту рамки под карту):",
        "Вставте це в статтю (скрипт підлаштує висоту рамки під карту):",
        "Nalepite ovo u članak (skripta prilagođava visinu okvira mapi):",
    ],
    CopyCode => ["Copy code", "Копировать код", "Копіювати код", "Kopiraj kod"],
    Copied => ["Copied", "Скопировано", "Скопійовано", "Kopirano"],
    FrameTitle => ["Map: {0}", "Карта: {0}", "Карта: {0}", "Mapa: {0}"],
    // Sentences about flows.
    FromTo => ["{0} to {1}", "{0} → {1}", "{0} → {1}", "{0} → {1}"],
    Via => ["via {0}", "через {0}", "через {0}", "preko {0}"],
    And => ["and", "и", "і", "i"],
    SummaryCounts => ["{0} between {1}.", "{0}, {1}.", "{0}, {1}.", "{0}, {1}."],
    GoodsList => ["Goods: {0}.", "Товары: {0}.", "Товари: {0}.", "Roba: {0}."],
    ClaimsList => ["Claims: {0}.", "Утверждения: {0}.", "Твердження: {0}.", "Tvrdnje: {0}."],
    // Amounts and dates.
    AtLeast => ["at least {0}", "не менее {0}", "щонайменше {0}", "najmanje {0}"],
    About => ["about {0}", "около {0}", "близько {0}", "oko {0}"],
    OfWhich => ["of which {0}", "в том числе {0}", "у тому числі {0}", "od toga {0}"],
    PartOf => ["part of {0}", "часть от {0}", "частина від {0}", "deo od {0}"],
    FlowsListed => ["not added up (different kinds of figures): {0}", "не суммируются (разные виды данных): {0}", "не додаються (різні види даних): {0}", "ne sabiraju se (različite vrste podataka): {0}"],
    ValueNotDisclosed => ["value not disclosed", "объём или стоимость не раскрыты", "обсяг або вартість не розкрито", "iznos nije objavljen"],
    Since => ["since {0}", "с {0}", "з {0}", "od {0}"],
    Until => ["until {0}", "до {0}", "до {0}", "do {0}"],
}

/// The units [`unit_forms`] has words for.
pub const KNOWN_UNITS: [&str; 7] = [
    "tonnes",
    "tons",
    "rounds",
    "shells",
    "units",
    "cubic-metres",
    "flights",
];

/// One, few and many forms of a unit a dataset may count in (`tonnes`, `rounds`, …);
/// `None` for a unit the catalogue does not know, which is written as given.
pub fn unit_forms(lang: Lang, unit: &str) -> Option<[&'static str; 3]> {
    let sr = matches!(lang, Lang::SrLatn | Lang::SrCyrl);
    Some(match unit {
        "tonnes" if lang == Lang::En => ["tonne", "tonnes", "tonnes"],
        "tons" if lang == Lang::En => ["ton", "tons", "tons"],
        "tonnes" | "tons" if lang == Lang::Ru => ["тонна", "тонны", "тонн"],
        "tonnes" | "tons" if lang == Lang::Uk => ["тонна", "тонни", "тонн"],
        "tonnes" | "tons" if sr => ["tona", "tone", "tona"],
        "rounds" if lang == Lang::En => ["round", "rounds", "rounds"],
        "rounds" if lang == Lang::Ru => ["патрон", "патрона", "патронов"],
        "rounds" if lang == Lang::Uk => ["набій", "набої", "набоїв"],
        "rounds" if sr => ["metak", "metka", "metaka"],
        "shells" if lang == Lang::En => ["shell", "shells", "shells"],
        "shells" if lang == Lang::Ru => ["снаряд", "снаряда", "снарядов"],
        "shells" if lang == Lang::Uk => ["снаряд", "снаряди", "снарядів"],
        "shells" if sr => ["granata", "granate", "granata"],
        "units" if lang == Lang::En => ["unit", "units", "units"],
        "units" if lang == Lang::Ru => ["единица", "единицы", "единиц"],
        "units" if lang == Lang::Uk => ["одиниця", "одиниці", "одиниць"],
        "units" if sr => ["jedinica", "jedinice", "jedinica"],
        "cubic-metres" if lang == Lang::En => ["cubic metre", "cubic metres", "cubic metres"],
        "cubic-metres" if lang == Lang::Ru => {
            ["кубический метр", "кубических метра", "кубических метров"]
        }
        "cubic-metres" if lang == Lang::Uk => ["кубічний метр", "кубічні метри", "кубічних метрів"],
        "cubic-metres" if sr => ["kubni metar", "kubna metra", "kubnih metara"],
        "flights" if lang == Lang::En => ["flight", "flights", "flights"],
        "flights" if lang == Lang::Ru => ["рейс", "рейса", "рейсов"],
        "flights" if lang == Lang::Uk => ["рейс", "рейси", "рейсів"],
        "flights" if sr => ["let", "leta", "letova"],
        _ => return None,
    })
}

/// One, few and many forms of a counted noun (English uses the first two).
pub fn noun_forms(lang: Lang, noun: Noun) -> [&'static str; 3] {
    match (lang, noun) {
        (Lang::En, Noun::Flow) => ["flow", "flows", "flows"],
        (Lang::En, Noun::Country) => ["country", "countries", "countries"],
        (Lang::En, Noun::Problem) => ["problem", "problems", "problems"],
        (Lang::En, Noun::Check) => ["check", "checks", "checks"],
        (Lang::Ru, Noun::Check) => ["замечание", "замечания", "замечаний"],
        (Lang::Uk, Noun::Check) => ["зауваження", "зауваження", "зауважень"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::Check) => ["napomena", "napomene", "napomena"],
        (Lang::Ru, Noun::Flow) => ["поток", "потока", "потоков"],
        (Lang::Ru, Noun::Country) => ["страна", "страны", "стран"],
        (Lang::Ru, Noun::Problem) => ["ошибка", "ошибки", "ошибок"],
        (Lang::Uk, Noun::Flow) => ["потік", "потоки", "потоків"],
        (Lang::Uk, Noun::Country) => ["країна", "країни", "країн"],
        (Lang::Uk, Noun::Problem) => ["помилка", "помилки", "помилок"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::Flow) => ["tok", "toka", "tokova"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::Country) => ["zemlja", "zemlje", "zemalja"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::Problem) => ["greška", "greške", "grešaka"],
    }
}
