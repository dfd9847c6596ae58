//! The legend: colours (category), line patterns (claim status), widths (value). The
//! categories, statuses and marks it lists are those of the flows the filters show.

use crate::load::Loaded;
use crate::state::MapState;
use flowmap_core::decimal::Shortest;
use flowmap_core::i18n::{tr, trf, Msg};
use flowmap_core::layout::{AGAINST_MARK, AGAINST_MARK_RADIUS};
use flowmap_core::legend::{LegendEntries, WidthKey};
use flowmap_core::palette::{category_color, dasharray};
use flowmap_core::scale::UNDISCLOSED_WIDTH;
use leptos::prelude::*;

/// Above this many categories, the goods are listed in columns across the legend.
const MANY_CATEGORIES: usize = 10;

/// What every encoding of the map means, in words.
#[component]
pub fn Legend() -> impl IntoView {
    let data = expect_context::<Loaded>();
    let dataset = data.dataset.clone();
    let lang = data.lang;
    let state = expect_context::<MapState>();
    let entries = {
        let (dataset, codes) = (dataset.clone(), data.codes.clone());
        Memo::new(move |_| state.visible.with(|v| LegendEntries::of(&dataset, &codes, v)))
    };
    let d = dataset.clone();
    let categories = move || {
        entries.with(|e| {
            e.categories
                .iter()
                .map(|&i| {
                    let color = category_color(i);
                    let name = d.raw.categories[i].name.get(lang.tag()).to_string();
                    view! {
                        <li>
                            <svg class="swatch" width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
                                <path d="M1,6 L24,6" stroke=color stroke-width="3" />
                                <path d="M33,6 L24,1.5 L24,10.5 Z" fill=color />
                            </svg>
                            {name}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let statuses = move || {
        entries.with(|e| {
            e.statuses
                .iter()
                .map(|&s| {
                    view! {
                        <li>
                            <svg class="swatch" width="34" height="12" aria-hidden="true">
                                <path d="M1,6 L33,6" class="status-sample" stroke-dasharray=dasharray(s, 2.5).unwrap_or_default() />
                            </svg>
                            <span><strong>{s.label(lang)}</strong>": "{s.explanation(lang)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // The same width key as the downloads: samples in the scale's unit or single currency;
    // when clusters are drawn, those of the scale their lines are drawn by.
    let key = WidthKey::with_scale(&dataset, &data.scale.scale, lang);
    let (samples, d) = (key.samples.clone(), dataset.clone());
    // A memo: the key is drawn again only when that scale changes, not at every layout.
    let clustered =
        Memo::new(move |_| state.layout.with(|l| l.as_ref().and_then(|l| l.cluster_scale.clone())));
    let widths = move || {
        let samples = clustered.get().map_or_else(
            || samples.clone(),
            |scale| WidthKey::with_scale(&d, &scale, lang).samples,
        );
        samples
            .into_iter()
            .map(|(w, text)| {
                view! {
                    <li>
                        <svg class="swatch" width="34" height="16" aria-hidden="true"><path d="M1,8 L33,8" class="width-sample" stroke-width=Shortest(w).to_string() /></svg>
                        {text}
                    </li>
                }
            })
            .collect_view()
    };
    let off_scale = key.off_scale;
    // A long list of goods takes the legend's whole width, in columns.
    let many = dataset.categories_in_use().count() > MANY_CATEGORIES;
    let any_undisclosed = move || entries.with(|e| e.undisclosed);
    let any_against = move || entries.with(|e| e.against);
    view! {
        <section class="legend" aria-label=tr(lang, Msg::Legend)>
            <div class:many-goods=many>
                <h2>{tr(lang, Msg::Goods)}</h2>
                <ul>{categories}</ul>
            </div>
            <div>
                <h2>{tr(lang, Msg::HowSolidLong)}</h2>
                <ul>
                    {statuses}
                    {move || any_against().then(|| view! {
                        <li>
                            <svg class="swatch" width="34" height="12" aria-hidden="true">
                                <g class="against-mark" transform="translate(17,6)"><circle r=Shortest(AGAINST_MARK_RADIUS).to_string() /><path d=AGAINST_MARK /></g>
                            </svg>
                            <span>{tr(lang, Msg::SpokenAgainst)}</span>
                        </li>
                    })}
                </ul>
            </div>
            <div>
                <h2>{tr(lang, Msg::Value)}</h2>
                <ul>
                    {widths}
                    {move || any_undisclosed().then(|| view! {
                        <li>
                            <svg class="swatch" width="34" height="16" aria-hidden="true">
                                <path d="M1,8 L33,8" class="undisclosed-band" />
                                <path d="M1,8 L33,8" class="width-sample" stroke-width=Shortest(UNDISCLOSED_WIDTH).to_string() />
                            </svg>
                            {tr(lang, Msg::NotDisclosed)}
                        </li>
                    })}
                </ul>
                {key.money.then(|| view! { <p class="legend-hint">{tr(lang, Msg::WidthHint)}</p> })}
                {(!off_scale.is_empty()).then(|| view! { <p class="legend-hint">{trf(lang, Msg::OffScaleHint, &[&off_scale.join(", ")])}</p> })}
            </div>
        </section>
    }
}
