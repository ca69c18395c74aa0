import { planMapTemplate } from './plan-map-template.js';

/**
 * The Typst source of the plan. It is a constant: the plan arrives as JSON through `sys.inputs.document` and every
 * value is shown as a string, which Typst prints as text. Nothing from the plan is ever spliced into this source,
 * so a school typing `#`, `]` or `$` into a field cannot run code or break the layout.
 */
export const planTemplate =
  String.raw`
#let d = json(bytes(sys.inputs.document))
#let ink = rgb("#1b2a3a")
#let muted = luma(95)

#set document(title: d.title + " · " + d.schoolName)
#set text(font: d.fonts, size: 9.5pt, lang: d.lang, fill: ink)
#set par(leading: 0.62em)
#set heading(numbering: "1.1")
#show heading.where(level: 1): it => block(above: 16pt, below: 8pt, width: 100%, stroke: (bottom: 0.8pt + ink), inset: (bottom: 4pt), text(13pt, it))
#show heading.where(level: 2): it => block(above: 11pt, below: 6pt, text(10.5pt, it))
#set page(
  paper: "a4",
  margin: (x: 18mm, top: 20mm, bottom: 20mm),
  header: context {
    if counter(page).get().first() > 1 {
      set text(7.5pt, fill: muted)
      grid(columns: (1fr, auto), d.schoolName, d.title)
    }
  },
  footer: context {
    set text(7.5pt, fill: muted)
    let here = str(counter(page).get().first())
    let total = str(counter(page).final().first())
    grid(columns: (1fr, auto), gutter: 8pt, d.footer, d.pageFormat.replace("{page}", here).replace("{total}", total))
  },
)

` +
  planMapTemplate +
  String.raw`
#let cell(c) = if type(c) == str { c } else { strong(c.text) }

#let render-block(b) = {
  if b.kind == "heading" {
    heading(level: 2, b.text)
  } else if b.kind == "note" {
    block(text(fill: muted, b.text))
  } else if b.kind == "fields" {
    table(
      columns: (auto, 1fr),
      stroke: none,
      inset: (x: 0pt, y: 2.5pt),
      column-gutter: 12pt,
      ..b.rows.map(r => (text(fill: muted, r.at(0)), r.at(1))).flatten(),
    )
  } else if b.kind == "table" {
    table(
      columns: b.widths.map(w => w * 1fr),
      stroke: 0.5pt + luma(175),
      inset: 4pt,
      fill: (_, y) => if y == 0 { luma(232) },
      table.header(..b.header.map(h => strong(h))),
      ..b.rows.flatten().map(cell),
    )
  } else if b.kind == "steps" {
    enum(..b.items)
  } else if b.kind == "columns" {
    grid(
      columns: b.columns.len() * (1fr,),
      column-gutter: 10pt,
      ..b.columns.map(c => block[#strong(c.title) #list(..c.items)]),
    )
  } else if b.kind == "map" {
    draw-map(b.map, b.legend)
  }
}

#align(center)[
  #text(17pt, weight: "bold", d.title) \
  #v(2pt)
  #text(13pt, d.schoolName) \
  #v(2pt)
  #text(8.5pt, fill: muted, d.subtitle)
]
#v(6pt)
#block(width: 100%, fill: luma(242), inset: 8pt, radius: 2pt, grid(
  columns: d.facts.len() * (1fr,),
  column-gutter: 8pt,
  ..d.facts.map(f => [#text(7.5pt, fill: muted, f.at(0)) \ #strong(f.at(1))]),
))

#for s in d.sections {
  heading(level: 1, s.title)
  for b in s.blocks { render-block(b) }
}
`;
