/**
 * Typst function drawing the schematic evacuation map laid out by `layoutPlanMap` (all positions already in
 * millimetres), with a north arrow, a scale bar and a legend. Like the rest of the template it only reads data.
 */
export const planMapTemplate = String.raw`
#let route-ink = rgb("#1f5fa8")
#let point-ink = rgb("#22803a")
#let hazard-ink = rgb("#c0392b")
#let at(p) = (p.at(0) * 1mm, p.at(1) * 1mm)
#let map-label(l, colour) = {
  let body = box(fill: white.transparentize(20%), inset: 1.5pt, text(7.5pt, weight: "bold", fill: colour, l.text))
  if l.alignRight { place(top + right, dx: l.dx * 1mm, dy: l.dy * 1mm, body) } else { place(top + left, dx: l.dx * 1mm, dy: l.dy * 1mm, body) }
}
#let triangle(x, y, r) = polygon(fill: hazard-ink, (x, y - r), (x + r, y + 0.8 * r), (x - r, y + 0.8 * r))

#let draw-map(m, legend) = block(breakable: false, {
  box(width: m.width * 1mm, height: m.height * 1mm, stroke: 0.6pt + luma(120), fill: rgb("#f6f8f3"), clip: true, {
    for r in m.routes {
      if r.line.len() > 1 {
        place(top + left, curve(stroke: (paint: route-ink, thickness: 1.6pt, join: "round", cap: "round"),
          curve.move(at(r.line.first())), ..r.line.slice(1).map(p => curve.line(at(p)))))
      }
      if r.arrow.len() == 3 { place(top + left, polygon(fill: route-ink, ..r.arrow.map(at))) }
    }
    for h in m.hazards {
      place(top + left, triangle(h.at.at(0) * 1mm, h.at.at(1) * 1mm, 2.2mm))
    }
    for a in m.assemblyPoints {
      place(top + left, dx: a.at.at(0) * 1mm - 2.2mm, dy: a.at.at(1) * 1mm - 2.2mm,
        circle(radius: 2.2mm, fill: point-ink, stroke: 0.8pt + white))
    }
    for r in m.routes { map-label(r.label, route-ink) }
    for h in m.hazards { map-label(h.label, hazard-ink) }
    for a in m.assemblyPoints { map-label(a.label, point-ink) }
    place(top + right, dx: -5mm, dy: 4mm, align(center, stack(spacing: 2pt,
      text(9pt, weight: "bold")[N],
      polygon(fill: ink, (2.5mm, 0mm), (5mm, 8mm), (2.5mm, 6mm), (0mm, 8mm)))))
    place(bottom + left, dx: 5mm, dy: -4mm, stack(spacing: 2pt,
      text(7.5pt, m.scaleBar.text),
      box(width: m.scaleBar.length * 1mm, height: 1.8mm, stroke: 0.8pt + ink,
        box(width: 50%, height: 100%, fill: ink))))
  })
  v(3pt)
  set text(7.5pt)
  box(line(length: 6mm, stroke: 1.6pt + route-ink)) + [ #legend.route] + h(12pt)
  box(circle(radius: 1.6mm, fill: point-ink)) + [ #legend.assemblyPoint] + h(12pt)
  box(triangle(1.6mm, 1.8mm, 1.6mm)) + [ #legend.hazard]
})
`;
