//! What each file given to the editor holds: a sheet, the meta file or a whole dataset,
//! guessed from its name, else from its header row or its JSON.

use crate::i18n::editor::Word;
use serde::{Deserialize, Serialize};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The places sheet.
    Locations,
    /// The publications sheet.
    Sources,
    /// Who says what.
    Speakers,
    /// One flow per row.
    Flows,
    /// The kinds of goods.
    Categories,
    /// The meta file (JSON: title, notes, credit, language, focus).
    Meta,
    /// A whole dataset (JSON), as the map reads it.
    Dataset,
}

impl Role {
    /// Every role, in the order the editor lists them.
    pub const ALL: [Role; 7] = [
        Role::Locations,
        Role::Sources,
        Role::Speakers,
        Role::Flows,
        Role::Categories,
        Role::Meta,
        Role::Dataset,
    ];

    /// The sheets a dataset cannot be made without.
    pub const REQUIRED: [Role; 3] = [Role::Locations, Role::Sources, Role::Flows];

    /// The editor's name for the role.
    pub fn word(self) -> Word {
        match self {
            Role::Locations => Word::RoleLocations,
            Role::Sources => Word::RoleSources,
            Role::Speakers => Word::RoleSpeakers,
            Role::Flows => Word::RoleFlows,
            Role::Categories => Word::RoleCategories,
            Role::Meta => Word::RoleMeta,
            Role::Dataset => Word::RoleDataset,
        }
    }

    /// A stable key for the role (a form's value).
    pub fn key(self) -> &'static str {
        match self {
            Role::Locations => "locations",
            Role::Sources => "sources",
            Role::Speakers => "speakers",
            Role::Flows => "flows",
            Role::Categories => "categories",
            Role::Meta => "meta",
            Role::Dataset => "dataset",
        }
    }

    /// The role with this [`key`](Role::key).
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// What the file `name` holding `bytes` most likely is: a JSON file is a dataset when it
    /// has flows, else the meta file; a sheet is named by its file name ("flows.csv",
    /// "Locations - Sheet1.tsv", "места.csv" is not guessed), else by the columns of its
    /// header row.
    ///
    /// # Examples
    /// ```
    /// use flowmap_core::editor::Role;
    /// assert_eq!(Role::guess("My flows.csv", b"id,from,to"), Role::Flows);
    /// assert_eq!(Role::guess("Sheet1.csv", b"id,outlet,title,date,url,kind"), Role::Sources);
    /// assert_eq!(Role::guess("data.json", br#"{"version":2,"flows":[]}"#), Role::Dataset);
    /// assert_eq!(Role::guess("meta.json", br#"{"title":"x"}"#), Role::Meta);
    /// ```
    pub fn guess(name: &str, bytes: &[u8]) -> Role {
        let lower = name.to_lowercase();
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
        if lower.ends_with(".json") || head.trim_start().starts_with('{') {
            return if head.contains("\"flows\"") { Role::Dataset } else { Role::Meta };
        }
        let by_name = [
            ("location", Role::Locations),
            ("place", Role::Locations),
            ("source", Role::Sources),
            ("speaker", Role::Speakers),
            ("flow", Role::Flows),
            ("categor", Role::Categories),
        ];
        if let Some((_, role)) = by_name.iter().find(|(word, _)| lower.contains(word)) {
            return *role;
        }
        let header: Vec<&str> = head
            .lines()
            .next()
            .unwrap_or("")
            .split([',', ';', '\t'])
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        let has = |c: &str| header.contains(&c);
        if has("from") && has("to") {
            Role::Flows
        } else if has("outlet") {
            Role::Sources
        } else if has("stake") || has("plural") {
            Role::Speakers
        } else if has("lon") || has("lat") {
            Role::Locations
        } else {
            Role::Categories
        }
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn guesses_by_name_then_by_header() {
        assert_eq!(Role::guess("locations.csv", b"id,name"), Role::Locations);
        assert_eq!(Role::guess("speakers.csv", b"id,name,kind"), Role::Speakers);
        assert_eq!(Role::guess("categories.csv", b"id,name"), Role::Categories);
        assert_eq!(Role::guess("x.csv", b"id\tname\tlon\tlat\n"), Role::Locations);
        assert_eq!(Role::guess("x.csv", b"\"id\";\"name\";\"kind\";\"stake\""), Role::Speakers);
        assert_eq!(Role::guess("x.tsv", b"id\tfrom\tto\n"), Role::Flows);
        assert_eq!(Role::guess("x.csv", b"id,name\n"), Role::Categories);
        assert_eq!(Role::guess("pasted", b"{\"title\": \"t\"}"), Role::Meta);
    }

    #[test]
    fn keys_go_both_ways() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("nope"), None);
    }
}
