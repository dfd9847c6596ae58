//! Every piece of interface text: English, Russian, Ukrainian and Serbian (written once, in
//! Latin script; Cyrillic is transliterated). An empty string marks a missing translation.

use super::{Lang, Noun};

macro_rules! catalogue {
    ($($name:ident => [$en:expr, $ru:expr, $uk:expr, $sr:expr $(,)?],)*) => {
        /// A piece of interface text; its wording in each language is in the catalogue below.
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
    // The terms (flow, source, speaker, claim, status, deny, dispute, estimate …) are kept the
    // same in every message; they are listed, with the constructions to avoid, in
    // docs/glossary.md. A place name or a publication is always in the nominative: put it
    // after a colon or as a subject, never after a preposition ("через {0}", "preko {0}").
    // The page and its tools.
    Loading => ["Loading the map…", "Карта загружается…", "Карта завантажується…", "Mapa se učitava…"],
    // While a tool the reader opened (the table) is fetched, and if it could not be.
    LoadingPart => ["Loading…", "Загрузка…", "Завантаження…", "Učitava se…"],
    PartFailed => [
        "This part of the page could not be loaded. Check the connection and reload the page to try again.",
        "Эту часть страницы не удалось загрузить. Проверьте подключение и перезагрузите страницу, чтобы попробовать снова.",
        "Цю частину сторінки не вдалося завантажити. Перевірте з’єднання й перезавантажте сторінку, щоб спробувати знову.",
        "Ovaj deo stranice nije mogao da se učita. Proverite vezu i ponovo učitajte stranicu da biste pokušali ponovo.",
    ],
    CouldNotShow => ["The map could not be shown", "Не удалось показать карту", "Не вдалося показати карту", "Mapu nije moguće prikazati"],
    Stopped => ["The map stopped working", "Карта перестала работать", "Карта перестала працювати", "Mapa je prestala da radi"],
    // After "The map stopped working"; the details go to the console, not to the reader.
    ReloadPlease => [
        "Reload the page to try again. If it stops again, the details for the newsroom are in the browser's console.",
        "Перезагрузите страницу, чтобы попробовать снова. Если это повторится, подробности для редакции — в консоли браузера.",
        "Перезавантажте сторінку, щоб спробувати знову. Якщо це повториться, подробиці для редакції — у консолі браузера.",
        "Ponovo učitajte stranicu da biste pokušali ponovo. Ako se ovo ponovi, detalji za redakciju su u konzoli pregledača.",
    ],
    ShowAs => ["Show as", "Показать как", "Показати як", "Prikaži kao"],
    ViewMap => ["Map", "Карта", "Карта", "Mapa"],
    ViewTable => ["Table", "Таблица", "Таблиця", "Tabela"],
    Language => ["Language", "Язык", "Мова", "Jezik"],
    Keyboard => ["Keyboard", "Клавиатура", "Клавіатура", "Tastatura"],
    // The keyboard list: each follows a key name ("Tab — переход к карте…").
    KeyTab => ["enters the map; the next Tab leaves it for the controls", "— вход на карту; следующий Tab — выход к элементам управления", "— вхід на карту; наступний Tab — вихід до елементів керування", "— ulazak na mapu; sledeći Tab — izlazak na kontrole"],
    KeyArrows => ["move through the flows, then the places", "— переход по потокам, затем по местам", "— перехід по потоках, потім по місцях", "— kretanje kroz tokove, zatim kroz mesta"],
    KeyHomeEnd => ["go to the first flow, the last place", "— к первому потоку, к последнему месту", "— до першого потоку, до останнього місця", "— na prvi tok, na poslednje mesto"],
    Or => ["or", "или", "або", "ili"],
    KeySpace => ["Space", "Пробел", "Пробіл", "Razmaknica"],
    KeyEnter => ["opens a flow's details, or shows a place's totals", "— подробности потока или итоги места", "— подробиці потоку або підсумки місця", "— detalji toka ili zbir za mesto"],
    KeyEsc => ["closes them", "— закрытие подробностей", "— закриття подробиць", "— zatvaranje detalja"],
    KeyZoom => ["zoom", "— масштаб", "— масштаб", "— zumiranje"],
    KeyReset => ["resets", "— исходный масштаб", "— початковий масштаб", "— početni prikaz"],
    SourceLabel => ["Source:", "Источники:", "Джерела:", "Izvori:"],
    MapCredit => ["Map:", "Карта:", "Карта:", "Mapa:"],
    // {0} is a count ("3 ошибки", "1 замечание"): the rest does not depend on its number.
    Problems => ["{0} in the data; what they affect is not shown", "В данных {0}; элементы, к которым это относится, не показаны", "У даних {0}; елементи, яких це стосується, не показано", "U podacima: {0}; elementi na koje se to odnosi nisu prikazani"],
    OnlyFirst => ["Only the first {0} are listed.", "Перечислены только первые {0}.", "Наведено лише перші {0}.", "Navedeno je samo prvih {0}."],
    Warnings => [
        "{0} for the editor: the flows concerned are shown as marked",
        "{0} для редактора: потоки, к которым это относится, показаны так, как они отмечены в данных",
        "{0} для редактора: потоки, яких це стосується, показано так, як їх позначено в даних",
        "{0} za urednika: tokovi na koje se to odnosi prikazani su onako kako su označeni u podacima",
    ],
    // Legend.
    Legend => ["Legend", "Легенда", "Легенда", "Legenda"],
    Goods => ["Goods", "Товары", "Товари", "Roba"],
    HowSolidLong => ["How solid the claim is", "Насколько надёжно утверждение", "Наскільки надійне твердження", "Koliko je tvrdnja pouzdana"],
    Value => ["Value", "Объём или стоимость", "Обсяг або вартість", "Vrednost ili količina"],
    NotDisclosed => ["not disclosed", "не раскрыты", "не розкрито", "nije objavljeno"],
    WidthHint => [
        "Line width by stated amount (dollars, euros…); amounts in different currencies are compared as stated, not converted.",
        "Толщина линии — по указанной сумме (доллары, евро…); суммы в разных валютах сравниваются без пересчёта по курсу.",
        "Товщина лінії — за вказаною сумою (долари, євро…); суми в різних валютах порівнюються без перерахунку за курсом.",
        "Debljina linije odgovara navedenom iznosu (dolari, evri…); iznosi u različitim valutama porede se bez preračunavanja po kursu.",
    ],
    // Claim status: label and meaning. The label follows "Надёжность:" (tooltip), heads the
    // legend line "label: meaning", and stands alone in the table, the filters and a flow's
    // spoken name; it must not repeat the word for "claim" (утверждение, твердження, tvrdnja).
    StatusDocumented => ["documented", "подтверждено документами", "підтверджено документами", "dokumentovano"],
    StatusReported => ["reported", "сообщают СМИ или власти", "повідомляють ЗМІ або влада", "navode mediji ili vlasti"],
    StatusAlleged => ["alleged", "утверждает заинтересованная сторона", "стверджує зацікавлена сторона", "tvrdi zainteresovana strana"],
    StatusDenied => ["denied", "отрицается", "заперечується", "poriče se"],
    StatusUnverified => ["unverified (secondary analysis)", "не проверено (вторичный анализ)", "не перевірено (вторинний аналіз)", "neprovereno (sekundarna analiza)"],
    ExplainDocumented => ["shown by records or official data", "основано на документах (например, таможенных) или официальных данных", "ґрунтується на документах (наприклад, митних) або офіційних даних", "zasniva se na dokumentima (na primer carinskim) ili zvaničnim podacima"],
    ExplainReported => ["reported or estimated by news media, or stated by an official body, without records to show it", "сообщения или оценки СМИ либо официальные заявления; документов, которые бы это подтверждали, нет", "повідомлення чи оцінки ЗМІ або офіційні заяви; документів, які б це підтверджували, немає", "izveštaji ili procene medija, odnosno zvanične izjave; nema dokumenata koji bi to potvrdili"],
    ExplainAlleged => ["claimed by a party with a stake in it", "сведения исходят от стороны, у которой в этом есть свой интерес", "відомості походять від сторони, яка має в цьому власний інтерес", "navodi potiču od strane koja ima sopstveni interes u tome"],
    ExplainDenied => ["denied by those accused", "обвиняемая сторона говорит, что этого не было", "звинувачена сторона каже, що цього не було", "optužena strana kaže da se to nije dogodilo"],
    ExplainUnverified => [
        "rests only on a secondary analysis whose sources could not be checked",
        "основано только на вторичном анализе, источники которого проверить не удалось",
        "ґрунтується лише на вторинному аналізі, джерела якого не вдалося перевірити",
        "zasniva se samo na sekundarnoj analizi čije izvore nije bilo moguće proveriti",
    ],
    // Kinds of source.
    KindCustoms => ["customs-records investigation", "расследование по таможенным данным", "розслідування за митними даними", "istraživanje carinskih podataka"],
    KindOfficial => ["official statement", "официальное заявление", "офіційна заява", "zvanična izjava"],
    KindIntelligence => ["intelligence-service claim", "заявление спецслужбы", "заява спецслужби", "saopštenje obaveštajne službe"],
    KindEstimate => ["news estimate", "оценка СМИ", "оцінка ЗМІ", "procena medija"],
    KindNews => ["news report", "сообщение СМИ", "повідомлення ЗМІ", "izveštaj medija"],
    KindAnalysis => ["analysis", "аналитический материал", "аналітичний матеріал", "analiza"],
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
    // What a speaker does with a flow, said of one speaker and of several. "Denies" says it
    // did not happen; "disputes" questions it without a flat denial: keep them apart.
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
    StanceDisputes => ["disputes", "ставит под сомнение", "ставить під сумнів", "dovodi u pitanje"],
    StanceDisputesPl => ["dispute", "ставят под сомнение", "ставлять під сумнів", "dovode u pitanje"],
    // {0}: publications ("RKS News, 23 июня 2025; Vlast"), in the nominative, one or more.
    ReportedBy => ["reported by {0}", "опубликовано: {0}", "опубліковано: {0}", "objavljeno: {0}"],
    WhoSaysSo => ["Who says so", "Кто говорит", "Хто говорить", "Ko govori"],
    AllSpeakers => ["Anyone cited", "Все цитируемые", "Усі цитовані", "Svi citirani"],
    SpokenAgainst => ["denied or disputed by someone cited", "кто-то из цитируемых это отрицает или ставит под сомнение", "хтось із цитованих це заперечує або ставить під сумнів", "neko od citiranih to poriče ili dovodi u pitanje"],
    PublishedIn => ["Published in", "Опубликовано:", "Опубліковано:", "Objavljeno:"],
    // A line that stands for several flows along one route. {0}: "12 flows"; {1}: their sum
    // ("3,400 flights").
    LineSum => ["{0}, {1} in all", "{0}, всего {1}", "{0}, усього {1}", "{0}, ukupno {1}"],
    LineNotAdded => ["{0}; not added up: some figures are estimates, minimums or parts, or their periods overlap or are not given", "{0}; не суммированы: среди значений есть оценки, минимальные значения или части, либо периоды пересекаются или не указаны", "{0}; не підсумовано: серед значень є оцінки, мінімальні значення або частини, або періоди перетинаються чи не вказані", "{0}; nisu sabrani: među vrednostima ima procena, najmanjih iznosa ili delova, ili se periodi preklapaju ili nisu navedeni"],
    LineUndisclosed => ["{0}; values not disclosed", "{0}; значения не раскрыты", "{0}; значення не розкрито", "{0}; vrednosti nisu objavljene"],
    InThisLine => ["Flows on this line", "Потоки на этой линии", "Потоки на цій лінії", "Tokovi na ovoj liniji"],
    // {0}: the table or series of a statistics office or database the figure comes from.
    FromTable => ["Table: {0}", "Таблица: {0}", "Таблиця: {0}", "Tabela: {0}"],
    // Tooltip and detail panel.
    ClaimColon => ["Claim:", "Надёжность:", "Надійність:", "Pouzdanost:"],
    Claim => ["Claim", "Надёжность", "Надійність", "Pouzdanost"],
    WhoSaysWhat => ["Who says so", "Кто что говорит", "Хто що говорить", "Ko šta govori"],
    ClickHint => ["Click or press Enter for details", "Щёлкните или нажмите Enter, чтобы открыть подробности", "Клацніть або натисніть Enter, щоб відкрити подробиці", "Kliknite ili pritisnite Enter za detalje"],
    TotalsOut => ["Out: {0}, {1}", "Исходящие: {0}; {1}", "Вихідні: {0}; {1}", "Odlazni: {0}; {1}"],
    TotalsIn => ["In: {0}, {1}", "Входящие: {0}; {1}", "Вхідні: {0}; {1}", "Dolazni: {0}; {1}"],
    TotalsThrough => ["Through: {0}", "Транзит: {0}", "Транзит: {0}", "Tranzit: {0}"],
    SumsHint => [
        "Figures are added only when they are alike (same currency or unit, whole totals, same goods); otherwise they are listed.",
        "Цифры складываются, только если они однородны (одна валюта или единица, полные суммы, одни и те же товары); иначе они перечисляются по отдельности.",
        "Цифри додаються, лише якщо вони однорідні (одна валюта чи одиниця, повні суми, ті самі товари); інакше їх перелічено окремо.",
        "Brojke se sabiraju samo kada su istovrsne (ista valuta ili jedinica, celi iznosi, ista roba); inače su navedene pojedinačno.",
    ],
    OffScaleHint => [
        "Figures in other units ({0}) are drawn at the thinnest width, not to scale.",
        "Цифры в других единицах ({0}) показаны самой тонкой линией, не в масштабе.",
        "Цифри в інших одиницях ({0}) показано найтоншою лінією, не в масштабі.",
        "Brojke u drugim jedinicama ({0}) prikazane su najtanjom linijom, ne u razmeri.",
    ],
    NoStatedValue => ["no stated value", "объём или стоимость не указаны", "обсяг або вартість не вказано", "vrednost ili količina nije navedena"],
    CloseDetails => ["Close details", "Закрыть подробности", "Закрити подробиці", "Zatvori detalje"],
    Period => ["Period", "Период", "Період", "Period"],
    NamedActors => ["Named actors", "Названные участники", "Названі учасники", "Navedeni učesnici"],
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
    PlayMonths => ["Play month by month", "Показать по месяцам", "Показати за місяцями", "Prikaži po mesecima"],
    Pause => ["Pause", "Пауза", "Пауза", "Pauza"],
    PreviousMonth => ["Previous month", "Предыдущий месяц", "Попередній місяць", "Prethodni mesec"],
    NextMonth => ["Next month", "Следующий месяц", "Наступний місяць", "Sledeći mesec"],
    // Place search.
    FindPlace => ["Find a place", "Поиск места", "Пошук місця", "Pretraga mesta"],
    NoPlace => ["No place found", "Ничего не найдено", "Нічого не знайдено", "Nema rezultata"],
    // Table.
    TableLabel => ["Flows as a table", "Потоки в виде таблицы", "Потоки у вигляді таблиці", "Tokovi u tabeli"],
    TableCaption => [
        "The flows shown, with their sources. Choose a column heading to sort.",
        "Показанные потоки и их источники. Чтобы отсортировать, выберите заголовок столбца.",
        "Показані потоки та їхні джерела. Щоб відсортувати, виберіть заголовок стовпця.",
        "Prikazani tokovi i njihovi izvori. Da biste sortirali, izaberite naslov kolone.",
    ],
    Route => ["Route", "Маршрут", "Маршрут", "Ruta"],
    TableRows => ["Rows {0}–{1} of {2}", "Строки {0}–{1} из {2}", "Рядки {0}–{1} з {2}", "Redovi {0}–{1} od {2}"],
    TablePages => ["Pages of the table", "Страницы таблицы", "Сторінки таблиці", "Stranice tabele"],
    PreviousRows => ["Previous {0} rows", "Предыдущие строки ({0})", "Попередні рядки ({0})", "Prethodni redovi ({0})"],
    NextRows => ["Next {0} rows", "Следующие строки ({0})", "Наступні рядки ({0})", "Sledeći redovi ({0})"],
    // Zoom.
    ZoomIn => ["Zoom in", "Приблизить", "Наблизити", "Uvećaj"],
    ZoomOut => ["Zoom out", "Отдалить", "Віддалити", "Umanji"],
    ResetZoom => ["Reset zoom", "Сбросить масштаб", "Скинути масштаб", "Vrati početnu razmeru"],
    ZoomHint => ["Hold Ctrl (⌘ on Mac) and scroll to zoom", "Удерживайте Ctrl (⌘ на Mac) и прокручивайте, чтобы изменить масштаб", "Утримуйте Ctrl (⌘ на Mac) і прокручуйте, щоб змінити масштаб", "Držite Ctrl (⌘ na Mac računaru) i skrolujte da biste zumirali"],
    // The map's accessible names.
    MapLabel => [
        "Map of {0}. Arrow keys move through the flows, then the places; Home and End go to the first and the last; Enter shows a flow's details; + and − zoom.",
        "Карта: {0}. Стрелки — переход по потокам, затем по местам; Home и End — к первому и к последнему; Enter — подробности; + и − — масштаб.",
        "Карта: {0}. Стрілки — перехід по потоках, потім по місцях; Home і End — до першого й до останнього; Enter — подробиці; + і − — масштаб.",
        "Mapa: {0}. Strelice — kretanje kroz tokove, zatim kroz mesta; Home i End — na prvi i na poslednji; Enter — detalji; + i − — zumiranje.",
    ],
    SkipMap => ["Skip the map", "Пропустить карту", "Пропустити карту", "Preskoči mapu"],
    MarkerLabel => ["{0}: {1} out ({2}), {3} in ({4}), {5} through", "{0}: исходящие — {1} ({2}); входящие — {3} ({4}); транзит — {5}", "{0}: вихідні — {1} ({2}); вхідні — {3} ({4}); транзит — {5}", "{0}: odlazni — {1} ({2}); dolazni — {3} ({4}); tranzit — {5}"],
    // Places drawn as one marker when a map has thousands: "Frankfurt and 12 places nearby".
    ClusterName => ["{0} and {1} nearby", "{0} и ещё {1} рядом", "{0} і ще {1} поруч", "{0} i još {1} u blizini"],
    ClusterLabel => ["{0}: {1} out ({2}), {3} in ({4}), {5} between these places, not drawn as lines", "{0}: исходящие — {1} ({2}); входящие — {3} ({4}); между этими пунктами — {5}, не показаны линиями", "{0}: вихідні — {1} ({2}); вхідні — {3} ({4}); між цими пунктами — {5}, не показані лініями", "{0}: odlazni — {1} ({2}); dolazni — {3} ({4}); između ovih mesta — {5}, nisu prikazani linijama"],
    ClusterInside => ["Between these places: {0}, not drawn as lines", "Между этими пунктами: {0}, не показаны линиями", "Між цими пунктами: {0}, не показані лініями", "Između ovih mesta: {0}, nisu prikazani linijama"],
    ClusterPlaces => ["Places: {0}", "Пункты: {0}", "Пункти: {0}", "Mesta: {0}"],
    ClusterHint => ["Zoom in to see each place; the table lists every flow.", "Приблизьте карту, чтобы увидеть каждый пункт; в таблице — все потоки.", "Наблизьте карту, щоб побачити кожен пункт; у таблиці — усі потоки.", "Uvećajte mapu da biste videli svako mesto; tabela navodi sve tokove."],
    OffMap => ["{0} (off map)", "{0} (за пределами карты)", "{0} (за межами карти)", "{0} (van mape)"],
    // Publishing.
    Download => ["Download", "Скачать", "Завантажити", "Preuzmi"],
    MapSvg => ["Map as SVG", "Карта в формате SVG", "Карта у форматі SVG", "Mapa kao SVG"],
    // {0}: the picture's scale, "1×" or "2×" (twice as many pixels each way).
    MapPng => ["Map as PNG ({0})", "Карта в формате PNG ({0})", "Карта у форматі PNG ({0})", "Mapa kao PNG ({0})"],
    DataCsv => ["Data shown (CSV)", "Показанные данные (CSV)", "Показані дані (CSV)", "Prikazani podaci (CSV)"],
    DataJson => ["Data shown (JSON)", "Показанные данные (JSON)", "Показані дані (JSON)", "Prikazani podaci (JSON)"],
    // Under the download buttons when the browser refused a step; the map stays usable.
    ExportFailed => [
        "The file could not be made. Reload the page to try again; the details for the newsroom are in the browser's console.",
        "Не удалось создать файл. Перезагрузите страницу, чтобы попробовать снова; подробности для редакции — в консоли браузера.",
        "Не вдалося створити файл. Перезавантажте сторінку, щоб спробувати знову; подробиці для редакції — у консолі браузера.",
        "Datoteka nije mogla da se napravi. Ponovo učitajte stranicu da biste pokušali ponovo; detalji za redakciju su u konzoli pregledača.",
    ],
    Embed => ["Embed", "Встроить", "Вбудувати", "Ugradi"],
    EmbedHelp => [
        "Paste this into the article (the script sizes the frame to the map):",
        "Вставьте этот код в статью (скрипт подгонит высоту рамки под карту):",
        "Вставте цей код у статтю (скрипт підлаштує висоту рамки під карту):",
        "Nalepite ovaj kod u članak (skripta prilagođava visinu okvira mapi):",
    ],
    CopyCode => ["Copy code", "Копировать код", "Копіювати код", "Kopiraj kod"],
    Copied => ["Copied", "Скопировано", "Скопійовано", "Kopirano"],
    FrameTitle => ["Map: {0}", "Карта: {0}", "Карта: {0}", "Mapa: {0}"],
    // Sentences about flows. A flow's spoken name is FromTo, then " " and Via when it passes
    // through other places (joined with And), then ": " and what it is. Place names are
    // nominative, so they follow a colon; no arrow (screen readers read it differently).
    FromTo => ["{0} to {1}", "Откуда: {0}, куда: {1}", "Звідки: {0}, куди: {1}", "Odakle: {0}, kuda: {1}"],
    Via => ["via {0}", "(транзит: {0})", "(транзит: {0})", "(tranzit: {0})"],
    And => ["and", "и", "і", "i"],
    SummaryCounts => ["{0} between {1}.", "{0}, {1}.", "{0}, {1}.", "{0}, {1}."],
    AndMore => ["and {0} more", "и ещё {0}", "і ще {0}", "i još {0}"],
    GoodsList => ["Goods: {0}.", "Товары: {0}.", "Товари: {0}.", "Roba: {0}."],
    ClaimsList => ["Claims: {0}.", "Надёжность: {0}.", "Надійність: {0}.", "Pouzdanost: {0}."],
    // Amounts and dates.
    AtLeast => ["at least {0}", "не менее {0}", "щонайменше {0}", "najmanje {0}"],
    About => ["about {0}", "около {0}", "близько {0}", "oko {0}"],
    OfWhich => ["of which {0}", "в том числе {0}", "у тому числі {0}", "od toga {0}"],
    PartOf => ["part of {0}", "часть из {0}", "частина з {0}", "od ukupno {0}"],
    WithFigure => ["flows with a figure: {0} of {1}", "потоков с цифрами: {0} из {1}", "потоків із цифрами: {0} з {1}", "tokova sa brojkama: {0} od {1}"],
    FlowsListed => ["not added up (different kinds of figures): {0}", "не суммируются (разные виды данных): {0}", "не додаються (різні види даних): {0}", "ne sabiraju se (različite vrste podataka): {0}"],
    // Figures along one route whose periods overlap or are not given (one could count another).
    FlowsOverlapListed => ["not added up (on one route, periods overlap or are not given): {0}", "не суммируются (на одном маршруте периоды пересекаются или не указаны): {0}", "не додаються (на одному маршруті періоди перетинаються або не вказані): {0}", "ne sabiraju se (na jednoj ruti periodi se preklapaju ili nisu navedeni): {0}"],
    ValueNotDisclosed => ["value not disclosed", "объём или стоимость не раскрыты", "обсяг або вартість не розкрито", "vrednost ili količina nije objavljena"],
    Since => ["since {0}", "с {0}", "з {0}", "od {0}"],
    Until => ["until {0}", "до {0}", "до {0}", "do {0}"],
    // The SVG and PNG downloads: the filters on when the map was saved, under the title.
    // {0}: what each filter shows (ShownGoods, ShownClaims, …), joined with "; ".
    ExportFilters => ["Filters on — {0}", "Включены фильтры — {0}", "Увімкнено фільтри — {0}", "Uključeni filteri — {0}"],
    // {0}: the goods shown, in lower case, joined with commas.
    ShownGoods => ["goods: {0}", "товары: {0}", "товари: {0}", "roba: {0}"],
    // {0}: the claim statuses shown (StatusDocumented, …), joined with commas.
    ShownClaims => ["claims: {0}", "надёжность: {0}", "надійність: {0}", "pouzdanost: {0}"],
    // {0}: a publication ("RKS News, 23 июня 2025").
    ShownSource => ["source: {0}", "источник: {0}", "джерело: {0}", "izvor: {0}"],
    // {0}: a speaker's name.
    ShownSpeaker => ["who says so: {0}", "кто говорит: {0}", "хто говорить: {0}", "ko govori: {0}"],
    // {0}: a period as dates read ("март 2022 – июль 2023", "с февраля 2022").
    ShownPeriod => ["period: {0}", "период: {0}", "період: {0}", "period: {0}"],
    // Phones: the interface hint under the map (one for touch screens, one for a mouse), the
    // folded filters' button ({0}: how many filters are on, a number) and the list a tap
    // on crowded lines offers.
    HintTouch => ["Tap a line to see who says so.", "Коснитесь линии, чтобы узнать, кто об этом говорит.", "Торкніться лінії, щоб дізнатися, хто про це говорить.", "Dodirnite liniju da biste videli ko o tome govori."],
    HintPointer => ["Hover over a line to see who says so; click it for the details.", "Наведите указатель на линию, чтобы узнать, кто об этом говорит; щёлкните, чтобы открыть подробности.", "Наведіть вказівник на лінію, щоб дізнатися, хто про це говорить; клацніть, щоб відкрити подробиці.", "Postavite pokazivač na liniju da biste videli ko o tome govori; kliknite za detalje."],
    FiltersOn => ["{0} on", "включено: {0}", "увімкнено: {0}", "uključeno: {0}"],
    ChooseFlow => ["Several flows here. Which one?", "Здесь несколько потоков. Какой открыть?", "Тут кілька потоків. Який відкрити?", "Ovde je nekoliko tokova. Koji otvoriti?"],
    CloseChooser => ["Close the list", "Закрыть список", "Закрити список", "Zatvori listu"],
    // The story's controls (crate::story): {0} the step shown, {1} how many there are (numbers).
    StoryLabel => ["The story, step by step", "Рассказ по шагам", "Розповідь крок за кроком", "Priča korak po korak"],
    StepOf => ["Step {0} of {1}", "Шаг {0} из {1}", "Крок {0} з {1}", "Korak {0} od {1}"],
    PrevStep => ["Previous step", "Предыдущий шаг", "Попередній крок", "Prethodni korak"],
    NextStep => ["Next step", "Следующий шаг", "Наступний крок", "Sledeći korak"],
    StartStory => ["Follow the story step by step", "Смотреть рассказ по шагам", "Переглянути розповідь крок за кроком", "Pratite priču korak po korak"],
    LeftStory => ["You have left the story: the map shows the view you chose.", "Вы вышли из рассказа: карта показывает выбранный вами вид.", "Ви вийшли з розповіді: карта показує вибраний вами вигляд.", "Izašli ste iz priče: mapa sada prikazuje ono što ste sami izabrali."],
    BackToStep => ["Back to step {0}", "Вернуться к шагу {0}", "Повернутися до кроку {0}", "Nazad na korak {0}"],
}

/// The units [`unit_forms`] has words for.
pub const KNOWN_UNITS: [&str; 7] =
    ["tonnes", "tons", "rounds", "shells", "units", "cubic-metres", "flights"];

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
        (Lang::En, Noun::City) => ["city", "cities", "cities"],
        (Lang::En, Noun::Port) => ["port", "ports", "ports"],
        (Lang::En, Noun::Airport) => ["airport", "airports", "airports"],
        (Lang::En, Noun::BorderCrossing) => {
            ["border crossing", "border crossings", "border crossings"]
        }
        (Lang::En, Noun::Place) => ["place", "places", "places"],
        (Lang::Ru, Noun::City) => ["город", "города", "городов"],
        (Lang::Ru, Noun::Port) => ["порт", "порта", "портов"],
        (Lang::Ru, Noun::Airport) => ["аэропорт", "аэропорта", "аэропортов"],
        (Lang::Ru, Noun::BorderCrossing) => {
            ["пункт пропуска", "пункта пропуска", "пунктов пропуска"]
        }
        (Lang::Ru, Noun::Place) => ["пункт", "пункта", "пунктов"],
        (Lang::Uk, Noun::City) => ["місто", "міста", "міст"],
        (Lang::Uk, Noun::Port) => ["порт", "порти", "портів"],
        (Lang::Uk, Noun::Airport) => ["аеропорт", "аеропорти", "аеропортів"],
        (Lang::Uk, Noun::BorderCrossing) => {
            ["пункт пропуску", "пункти пропуску", "пунктів пропуску"]
        }
        (Lang::Uk, Noun::Place) => ["пункт", "пункти", "пунктів"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::City) => ["grad", "grada", "gradova"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::Port) => ["luka", "luke", "luka"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::Airport) => ["aerodrom", "aerodroma", "aerodroma"],
        (Lang::SrLatn | Lang::SrCyrl, Noun::BorderCrossing) => {
            ["granični prelaz", "granična prelaza", "graničnih prelaza"]
        }
        (Lang::SrLatn | Lang::SrCyrl, Noun::Place) => ["mesto", "mesta", "mesta"],
    }
}
