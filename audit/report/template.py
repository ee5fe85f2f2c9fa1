"""The report's single HTML page: a Jinja2 template with its CSS inline.

Autoescape is on, so every name from the log is shown as text; the only markup let through
unescaped is the SVG that the chart and process renderers produced (``|safe``), and they
escape the names they draw themselves. No script, no external request: the file opens
offline, prints with a page per section (A4 landscape) and reads on a projector.
"""

from __future__ import annotations

import jinja2
import markupsafe

from audit.report.safe import clean_text

CSS = """
:root { --ink: #1d2327; --muted: #5b6670; --line: #d9dee3; --accent: #c0392b; --soft: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: white;
       font: 16px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 40px 64px; }
h1 { font-size: 34px; margin: 0 0 4px; }
h2 { font-size: 26px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 3px solid var(--ink); }
h3 { font-size: 19px; margin: 22px 0 8px; }
p { margin: 6px 0 10px; max-width: 75em; }
.lead { font-size: 19px; }
.muted { color: var(--muted); }
.note { border-left: 4px solid var(--accent); background: #fdf3f2; padding: 8px 12px; }
header.cover { border-bottom: 1px solid var(--line); padding-bottom: 14px; margin-bottom: 22px; }
nav.toc ol { columns: 2; margin: 6px 0 0; padding-left: 22px; }
section { margin: 0 0 40px; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 14px 0 18px; }
.figure { flex: 1 1 130px; background: var(--soft); border-radius: 8px; padding: 10px 14px; }
.figure b { display: block; font-size: 26px; white-space: nowrap; }
.figure span { color: var(--muted); font-size: 14px; }
.journey { display: flex; gap: 8px; align-items: stretch; margin: 14px 0; }
.stage { flex: 1 1 0; border-radius: 10px; padding: 10px 12px; min-width: 0;
         border: 2px solid rgba(0,0,0,.08); position: relative; }
.stage.weakest { border: 4px solid var(--ink); }
.stage h3 { margin: 0 0 2px; font-size: 17px; overflow-wrap: anywhere; }
.stage .score { font-size: 30px; font-weight: bold; }
.stage .score small { font-size: 13px; font-weight: normal; }
.stage .view { background: rgba(255,255,255,.82); color: var(--ink); border-radius: 6px;
               padding: 5px 8px; margin-top: 6px; font-size: 13.5px; }
.stage .view b { display: block; font-size: 12px; text-transform: uppercase;
                 letter-spacing: .03em; }
.stage .arrow { position: absolute; right: -9px; top: 40%; font-size: 18px; color: var(--muted); }
.weakest-tag { display: inline-block; background: var(--ink); color: white; font-size: 12px;
               border-radius: 4px; padding: 1px 6px; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 15px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line);
         vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.short { white-space: nowrap; overflow-wrap: normal; }
figure { margin: 12px 0 20px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 14px; margin-top: 4px; }
.story { border-top: 1px solid var(--line); padding-top: 10px; margin-top: 18px; }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 13px; }
.badge.improved { background: #dff0d8; } .badge.worsened { background: #f8d7da; }
.badge.appeared { background: #f8d7da; } .badge.disappeared { background: #dff0d8; }
.badge.unchanged, .badge.no-clear-change { background: var(--soft); }
ul.defs li { margin-bottom: 4px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 13px; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section { break-before: page; margin: 0; }
  section:first-of-type { break-before: auto; margin-top: 4mm; }
  h1 { font-size: 26px; }
  header.cover { padding-bottom: 4px; margin-bottom: 6px; }
  .figures { margin: 8px 0; }
  .figure { padding: 6px 10px; }
  .figure b { font-size: 20px; }
  .stage .score { font-size: 24px; }
  .stage .view { font-size: 11.5px; padding: 3px 6px; margin-top: 4px; }
  figure, .journey, .story, tr, .figures { break-inside: avoid; }
  figure svg { max-height: 150mm; width: auto; }
  h2, h3 { break-after: avoid; }
  .stage, .figure, th, .badge, .weakest-tag {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ css|safe }}</style>
</head>
<body>
<main>
<header class="cover" id="cover">
  <h1>{{ title }}</h1>
  <p class="lead">{{ subtitle }}</p>
  <p class="muted">{{ generated }}</p>
  {% for note in notes %}<p class="note">{{ note }}</p>{% endfor %}
  <div class="figures">
    {% for figure in key_figures %}
    <div class="figure"><b>{{ figure.value }}</b><span>{{ figure.label }}</span></div>
    {% endfor %}
  </div>
  <nav class="toc"><b>{{ toc }}</b><ol>
    {% for section in sections %}
    <li><a href="#{{ section.id }}">{{ section.title }}</a></li>
    {% endfor %}
  </ol></nav>
</header>
{% for section in sections %}
<section id="{{ section.id }}" data-section="{{ section.id }}">
  <h2>{{ section.title }}</h2>
  {% for block in section.blocks %}{{ render(block) }}{% endfor %}
</section>
{% endfor %}
</main>
</body>
</html>
"""

BLOCKS = """
{% macro render(block) -%}
{%- if block.kind == "p" -%}
  <p{% if block.css %} class="{{ block.css }}"{% endif %}>{{ block.text }}</p>
{%- elif block.kind == "h3" -%}
  <h3>{{ block.text }}</h3>
{%- elif block.kind == "list" -%}
  <ul class="defs">{% for item in block.entries %}<li>{{ item }}</li>{% endfor %}</ul>
{%- elif block.kind == "figure" -%}
  <figure data-chart="{{ block.name }}">{{ block.svg|safe }}
  {% if block.caption %}<figcaption>{{ block.caption }}</figcaption>{% endif %}</figure>
{%- elif block.kind == "table" -%}
  <table><thead><tr>{% for column in block.columns %}
    <th{% if column.num %} class="num"{% endif %}>{{ column.label }}</th>{% endfor %}</tr></thead>
  <tbody>{% for row in block.rows %}<tr>{% for cell in row %}
    {%- set column = block.columns[loop.index0] -%}
    <td{% if column.num %} class="num"{% elif column.short %} class="short"{% endif %}>
    {%- if column.badge %}<span class="badge {{ cell.css }}">{{ cell.text }}</span>
    {%- else %}{{ cell }}{% endif %}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{%- elif block.kind == "journey" -%}
  <div class="journey" data-chart="friction-map">
  {% for stage in block.stages %}
    <div class="stage{% if stage.weakest %} weakest{% endif %}"
         style="background: {{ stage.colour }}; color: {{ stage.ink }}">
      {% if stage.weakest %}<span class="weakest-tag">{{ stage.weakest }}</span>{% endif %}
      <h3>{{ stage.name }}</h3>
      <div class="score">{{ stage.score }} <small>{{ stage.score_label }}</small></div>
      <div>{{ stage.cases }}</div>
      <div class="view"><b>{{ stage.outside_label }}</b>
        {% for line in stage.outside %}{{ line }}<br>{% endfor %}</div>
      <div class="view"><b>{{ stage.inside_label }}</b>
        {% for line in stage.inside %}{{ line }}<br>{% endfor %}</div>
      {% if not loop.last %}<span class="arrow">▶</span>{% endif %}
    </div>
  {% endfor %}
  </div>
{%- endif -%}
{%- endmacro %}
"""


def _without_controls(value: object) -> object:
    """Every printed value without control characters (a name from the log may carry a
    bell or a terminal escape); markup stays markup."""
    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(clean_text(str(value)))
    return clean_text(value) if isinstance(value, str) else value


_ENVIRONMENT = jinja2.Environment(
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=_without_controls,
)


def render_page(**context: object) -> str:
    """The whole report page from its context (title, sections with blocks, ...)."""
    macros = _ENVIRONMENT.from_string(BLOCKS).module
    page = _ENVIRONMENT.from_string(TEMPLATE)
    return page.render(css=CSS, render=macros.render, **context)
