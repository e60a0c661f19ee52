// Building blocks of the control page: escaping (every interpolated value goes through esc),
// labelled fields, <option> lists and the one stylesheet.

export function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

export const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
section{background:#fff;border:1px solid #d5d9de;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin:.25rem 0 .75rem}h3{font-size:1rem}
form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:.5rem 0}
.field{display:flex;flex-direction:column;gap:.2rem}
label{font-weight:600;font-size:.9rem}
input,select{font:inherit;padding:.3rem .45rem;border:1px solid #8a939c;border-radius:4px}
button{font:inherit;padding:.35rem .9rem;border-radius:4px;border:1px solid #1a5fb4;background:#1a5fb4;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1a5fb4}
button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e6ea}
caption{text-align:left;font-weight:600;padding-bottom:.25rem}
.hint{font-size:.85rem;color:#4b535c;margin:0}
[role=status]{background:#e7f4ea;border:1px solid #2e7d32;padding:.5rem .75rem;border-radius:6px}
[role=alert]{background:#fdecea;border:1px solid #c62828;padding:.5rem .75rem;border-radius:6px}
code{background:#eef0f3;padding:0 .25rem;border-radius:3px}
fieldset{border:1px solid #d5d9de;border-radius:6px;display:flex;flex-wrap:wrap;gap:.25rem 1rem;max-width:100%}
legend{font-weight:600;font-size:.9rem}
.check{display:inline-flex;gap:.3rem;align-items:center}.check label{font-weight:400}
form.inline{display:inline;margin:0}
.created{border:2px solid #1a5fb4;border-radius:6px;padding:.5rem 1rem;margin:.5rem 0}
.created code{word-break:break-all}
dt{font-weight:600}dd{margin:0 0 .4rem 0}
`

export function field(id: string, label: string, control: string, hint?: string): string {
  const hintHtml = hint ? `<p class="hint" id="${id}-hint">${esc(hint)}</p>` : ''
  return `<div class="field"><label for="${id}">${esc(label)}</label>${control}${hintHtml}</div>`
}

export function options(values: [string, string][], selected?: string): string {
  return values
    .map(
      ([value, label]) =>
        `<option value="${esc(value)}"${value === selected ? ' selected' : ''}>${esc(label)}</option>`,
    )
    .join('')
}
