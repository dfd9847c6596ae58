//! The editor page's own words (`crates/editor`), in the five interface languages; a
//! catalogue of its own, so that the reader's map does not carry them.

use super::{serbian, Lang};

macro_rules! words {
    ($($name:ident => [$en:expr, $ru:expr, $uk:expr, $sr:expr $(,)?],)*) => {
        /// A piece of the editor's interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Word { $($name),* }

        impl Word {
            /// Every word of the editor.
            pub const ALL: [Word; [$(Word::$name),*].len()] = [$(Word::$name),*];
        }

        /// The text of `word` in `lang` (Serbian written in Latin, transliterated for Cyrillic).
        fn text(word: Word, lang: Lang) -> &'static str {
            match (word, lang) {
                $((Word::$name, Lang::En) => $en,
                  (Word::$name, Lang::Ru) => $ru,
                  (Word::$name, Lang::Uk) => $uk,
                  (Word::$name, Lang::SrLatn | Lang::SrCyrl) => $sr,)*
            }
        }
    };
}

words! {
    PageTitle => ["Flow map editor", "Редактор карты потоков", "Редактор карти потоків", "Uređivač mape tokova"],
    Intro => [
        "Drop your sheets (CSV) or a dataset (JSON), see every problem at its cell, preview the map and download the dataset. Nothing leaves this computer: the files are read in this browser and kept in its storage.",
        "Перетащите сюда таблицы (CSV) или набор данных (JSON): вы увидите каждую ошибку в её ячейке и карту, а затем сможете скачать набор данных. Ничего не уходит с этого компьютера: файлы читаются в этом браузере и хранятся в нём.",
        "Перетягніть сюди таблиці (CSV) або набір даних (JSON): ви побачите кожну помилку в її клітинці та карту, а потім зможете завантажити набір даних. Ніщо не залишає цей комп’ютер: файли читаються в цьому браузері й зберігаються в ньому.",
        "Prevucite ovde tabele (CSV) ili skup podataka (JSON): videćete svaku grešku u njenoj ćeliji i mapu, a zatim možete preuzeti skup podataka. Ništa ne napušta ovaj računar: datoteke se čitaju u ovom pregledaču i u njemu se čuvaju.",
    ],
    AddFiles => ["Your data", "Ваши данные", "Ваші дані", "Vaši podaci"],
    DropHere => [
        "Drop the sheets (locations, sources, speakers, flows, categories) or a dataset JSON here, or",
        "Перетащите сюда таблицы (места, источники, цитируемые, потоки, категории) или набор данных JSON, или",
        "Перетягніть сюди таблиці (місця, джерела, цитовані, потоки, категорії) або набір даних JSON, або",
        "Prevucite ovde tabele (mesta, izvori, citirani, tokovi, kategorije) ili skup podataka JSON, ili",
    ],
    PickFiles => ["choose files", "выберите файлы", "виберіть файли", "izaberite datoteke"],
    PasteLabel => [
        "Or paste a sheet copied from a spreadsheet (with its header row)",
        "Или вставьте таблицу, скопированную из электронной таблицы (со строкой заголовков)",
        "Або вставте таблицю, скопійовану з електронної таблиці (з рядком заголовків)",
        "Ili nalepite tabelu kopiranu iz programa za tabele (sa redom zaglavlja)",
    ],
    PasteAs => ["The pasted sheet is", "Вставленная таблица —", "Вставлена таблиця —", "Nalepljena tabela je"],
    AddPasted => ["Add the sheet", "Добавить таблицу", "Додати таблицю", "Dodaj tabelu"],
    Files => ["Files", "Файлы", "Файли", "Datoteke"],
    FileIs => ["What {0} holds", "Что содержит {0}", "Що містить {0}", "Šta sadrži {0}"],
    Remove => ["Remove {0}", "Убрать {0}", "Прибрати {0}", "Ukloni {0}"],
    Pasted => ["pasted", "вставлено", "вставлено", "nalepljeno"],
    RoleLocations => ["locations", "места", "місця", "mesta"],
    RoleSources => ["sources", "источники", "джерела", "izvori"],
    RoleSpeakers => ["speakers", "цитируемые", "цитовані", "citirani"],
    RoleFlows => ["flows", "потоки", "потоки", "tokovi"],
    RoleCategories => ["categories", "категории", "категорії", "kategorije"],
    RoleMeta => ["title and notes (JSON)", "заголовок и примечания (JSON)", "заголовок і примітки (JSON)", "naslov i napomene (JSON)"],
    RoleDataset => ["whole dataset (JSON)", "весь набор данных (JSON)", "увесь набір даних (JSON)", "ceo skup podataka (JSON)"],
    Missing => [
        "The {0} sheet is missing: add it to see the map.",
        "Не хватает таблицы «{0}»: добавьте её, чтобы увидеть карту.",
        "Бракує таблиці «{0}»: додайте її, щоб побачити карту.",
        "Nedostaje tabela „{0}“: dodajte je da biste videli mapu.",
    ],
    Twice => [
        "Two files are given as {0}; the last one is used.",
        "Два файла указаны как «{0}»; используется последний.",
        "Два файли вказано як «{0}»; використовується останній.",
        "Dve datoteke su označene kao „{0}“; koristi se poslednja.",
    ],
    DatasetAndSheets => [
        "A whole dataset (JSON) is given: the sheets are not used while it is here.",
        "Указан весь набор данных (JSON): пока он здесь, таблицы не используются.",
        "Вказано весь набір даних (JSON): поки він тут, таблиці не використовуються.",
        "Dat je ceo skup podataka (JSON): dok je ovde, tabele se ne koriste.",
    ],
    Problems => ["Problems", "Ошибки", "Помилки", "Greške"],
    NoProblems => ["No problems: the dataset is ready.", "Ошибок нет: набор данных готов.", "Помилок немає: набір даних готовий.", "Nema grešaka: skup podataka je spreman."],
    NoData => ["No data yet.", "Данных пока нет.", "Даних поки немає.", "Još nema podataka."],
    Warning => ["to check", "проверьте", "перевірте", "proverite"],
    Row => ["row {0}", "строка {0}", "рядок {0}", "red {0}"],
    Column => ["column {0}", "столбец {0}", "стовпець {0}", "kolona {0}"],
    Line => ["line {0}", "строка {0}", "рядок {0}", "linija {0}"],
    Cell => ["The place of the problem", "Место ошибки", "Місце помилки", "Mesto greške"],
    Settings => ["Title and notes", "Заголовок и примечания", "Заголовок і примітки", "Naslov i napomene"],
    SettingsHelp => [
        "Empty fields keep what the data says (shown in grey).",
        "Пустые поля оставляют то, что указано в данных (показано серым).",
        "Порожні поля залишають те, що вказано в даних (показано сірим).",
        "Prazna polja zadržavaju ono što piše u podacima (prikazano sivom bojom).",
    ],
    Title => ["Title", "Заголовок", "Заголовок", "Naslov"],
    Subtitle => ["Subtitle", "Подзаголовок", "Підзаголовок", "Podnaslov"],
    Notes => ["Notes", "Примечания", "Примітки", "Napomene"],
    Credit => ["Credit", "Авторы", "Автори", "Autori"],
    DataLanguage => ["Language of the map", "Язык карты", "Мова карти", "Jezik mape"],
    AsInData => ["as in the data", "как в данных", "як у даних", "kao u podacima"],
    Focus => [
        "Focus: ids of the places the map is fitted to, separated by commas (empty: all)",
        "Фокус: коды мест, по которым подбирается карта, через запятую (пусто — все)",
        "Фокус: коди місць, за якими добирається карта, через кому (порожньо — усі)",
        "Fokus: oznake mesta prema kojima se mapa podešava, odvojene zarezima (prazno: sva)",
    ],
    Preview => ["Preview", "Предпросмотр", "Попередній перегляд", "Pregled"],
    Desktop => ["Desktop", "Компьютер", "Комп’ютер", "Računar"],
    Phone => ["Phone", "Телефон", "Телефон", "Telefon"],
    Width => ["Width", "Ширина", "Ширина", "Širina"],
    InterfaceLanguage => ["Interface language", "Язык интерфейса", "Мова інтерфейсу", "Jezik interfejsa"],
    Theme => ["Theme", "Тема", "Тема", "Tema"],
    ThemeSystem => ["as the reader's system", "как в системе читателя", "як у системі читача", "kao u sistemu čitaoca"],
    ThemeLight => ["light", "светлая", "світла", "svetla"],
    ThemeDark => ["dark", "тёмная", "темна", "tamna"],
    PreviewTitle => ["Preview of the map", "Предпросмотр карты", "Попередній перегляд карти", "Pregled mape"],
    Publish => ["Publish", "Публикация", "Публікація", "Objavljivanje"],
    Download => ["Download the dataset (JSON)", "Скачать набор данных (JSON)", "Завантажити набір даних (JSON)", "Preuzmi skup podataka (JSON)"],
    DownloadHelp => [
        "Put the file in place of data/flows.json in the published folder, or next to it and open the map with ?data= and its path.",
        "Положите файл вместо data/flows.json в опубликованной папке или рядом и откройте карту с ?data= и путём к нему.",
        "Покладіть файл замість data/flows.json в опублікованій теці або поруч і відкрийте карту з ?data= і шляхом до нього.",
        "Stavite datoteku umesto data/flows.json u objavljenoj fascikli ili pored nje i otvorite mapu sa ?data= i putanjom do nje.",
    ],
    NotReady => [
        "Fix the problems to download the whole dataset; until then the preview and the download hold what can be read.",
        "Исправьте ошибки, чтобы скачать весь набор данных; пока в предпросмотре и в скачиваемом файле только то, что удалось прочитать.",
        "Виправте помилки, щоб завантажити весь набір даних; поки що в попередньому перегляді й у завантаженому файлі лише те, що вдалося прочитати.",
        "Ispravite greške da biste preuzeli ceo skup podataka; do tada pregled i preuzeta datoteka sadrže samo ono što je moglo da se pročita.",
    ],
    DownloadPart => ["Download what can be read (JSON)", "Скачать прочитанное (JSON)", "Завантажити прочитане (JSON)", "Preuzmi pročitano (JSON)"],
    FilePath => ["Where the file goes in the published folder", "Где файл лежит в опубликованной папке", "Де файл лежить в опублікованій теці", "Gde je datoteka u objavljenoj fascikli"],
    Embed => ["Embed code", "Код для вставки", "Код для вставлення", "Kod za ugradnju"],
    CopyCode => ["Copy the code", "Скопировать код", "Скопіювати код", "Kopiraj kod"],
    Copied => ["Copied", "Скопировано", "Скопійовано", "Kopirano"],
    StartOver => ["Start over", "Начать заново", "Почати знову", "Počni iznova"],
    StartOverSure => [
        "Remove every file and setting from this browser?",
        "Удалить все файлы и настройки из этого браузера?",
        "Видалити всі файли й налаштування з цього браузера?",
        "Ukloniti sve datoteke i podešavanja iz ovog pregledača?",
    ],
    Kept => [
        "Your work is kept in this browser and is here after a reload.",
        "Ваша работа хранится в этом браузере и сохранится после перезагрузки.",
        "Ваша робота зберігається в цьому браузері й залишиться після перезавантаження.",
        "Vaš rad se čuva u ovom pregledaču i ostaje i posle ponovnog učitavanja.",
    ],
    NotKept => [
        "This browser does not let the page keep your work: it is lost on a reload.",
        "Этот браузер не даёт странице сохранить работу: после перезагрузки она пропадёт.",
        "Цей браузер не дає сторінці зберегти роботу: після перезавантаження вона зникне.",
        "Ovaj pregledač ne dozvoljava stranici da sačuva vaš rad: nestaće posle ponovnog učitavanja.",
    ],
    OpenMap => ["Open the map", "Открыть карту", "Відкрити карту", "Otvori mapu"],
}

/// The editor's text `word` in `lang`, with `{0}` replaced by `arg` if given.
///
/// # Examples
/// ```
/// use flowmap_core::i18n::editor::{say, Word};
/// use flowmap_core::i18n::Lang;
/// assert_eq!(say(Lang::SrCyrl, Word::Row, "4"), "ред 4");
/// assert_eq!(say(Lang::Ru, Word::Missing, "потоки"), "Не хватает таблицы «потоки»: добавьте её, чтобы увидеть карту.");
/// ```
pub fn say(lang: Lang, word: Word, arg: &str) -> String {
    // The argument (a file or column name) is written as given, never transliterated.
    let own = text(word, lang);
    let own = if lang == Lang::SrCyrl { serbian::to_cyrillic(own) } else { own.to_string() };
    own.replace("{0}", arg)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_word_is_written_in_every_language() {
        for word in Word::ALL {
            let en = text(word, Lang::En);
            for lang in Lang::ALL {
                let own = text(word, lang);
                assert!(!own.trim().is_empty(), "{word:?} in {lang:?}");
                assert_eq!(own.contains("{0}"), en.contains("{0}"), "{word:?} in {lang:?}");
                if lang != Lang::En {
                    assert_ne!(own, en, "{word:?} in {lang:?} is the English text");
                }
            }
        }
    }

    #[test]
    fn cyrillic_serbian_is_transliterated() {
        assert_eq!(say(Lang::SrCyrl, Word::StartOver, ""), "Почни изнова");
        assert_eq!(say(Lang::SrLatn, Word::Column, "amount"), "kolona amount");
        assert_eq!(say(Lang::SrCyrl, Word::Column, "amount"), "колона amount");
    }
}
