//! The article text of an HTML page, parsed with html5ever (the HTML5 parsing algorithm, as
//! browsers do; via `scraper`'s DOM).
//!
//! What counts as the article: the first `<article>`, else `<main>`, else `<body>`. Inside it,
//! scripts, styles, navigation, asides, footers, forms and hidden elements are skipped. Each
//! block element (paragraph, heading, list item, caption, table cell …) becomes one line;
//! `<br>` breaks a line.
//!
//! Source lines: html5ever tells its tree sink the line it is at; a thin sink around
//! `scraper`'s records the line each element and text node starts on, so every extracted
//! line knows the input line of its first character.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use super::{Extracted, LineBuilder};

/// Never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "select", "textarea", "iframe", "svg", "math", "head", "canvas", "object", "video", "audio",
];

/// Elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Extracts the article text of a page.
pub fn extract(source: &str) -> Extracted {
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        line: Cell::new(1),
        lines: RefCell::new(HashMap::new()),
    };
    let (html, lines) = html5ever::parse_document(sink, Default::default()).one(source);
    let mut out = LineBuilder::default();
    let root = article_root(&html);
    walk(root, &lines, &mut out, false);
    out.finish()
}

fn article_root(html: &Html) -> NodeRef<'_, Node> {
    let find = |name: &str| {
        html.tree
            .root()
            .descendants()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == name))
    };
    find("article")
        .or_else(|| find("main"))
        .or_else(|| find("body"))
        .unwrap_or_else(|| html.tree.root())
}

fn walk(node: NodeRef<'_, Node>, lines: &HashMap<NodeId, usize>, out: &mut LineBuilder, pre: bool) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => {
                let line = lines.get(&child.id()).copied().unwrap_or(out.line);
                if pre {
                    push_preformatted(&t.text, line, out);
                } else {
                    out.push(&t.text, line);
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) || is_hidden(e) {
                    continue;
                }
                if name == "br" {
                    out.end_line();
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.end_line();
                }
                walk(child, lines, out, pre || name == "pre");
                if block {
                    out.end_line();
                }
            }
            _ => {}
        }
    }
}

/// Text inside `<pre>` keeps its line breaks.
fn push_preformatted(text: &str, mut line: usize, out: &mut LineBuilder) {
    for (i, part) in text.split('\n').enumerate() {
        if i > 0 {
            out.end_line();
            line += 1;
        }
        out.push(part, line);
    }
}

fn is_hidden(e: &scraper::node::Element) -> bool {
    e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true")
}

/// `scraper`'s tree sink, recording the source line where each node starts.
struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    lines: RefCell<HashMap<NodeId, usize>>,
}

impl LineSink {
    fn record(&self, id: NodeId, line: u64) {
        let line = usize::try_from(line).unwrap_or(usize::MAX);
        self.lines.borrow_mut().entry(id).or_insert(line);
    }

    /// The line a text chunk starts on: html5ever reports the line reached after it.
    fn text_start(&self, text: &StrTendril) -> u64 {
        let newlines = text.bytes().filter(|&b| b == b'\n').count() as u64;
        self.line.get().saturating_sub(newlines).max(1)
    }

    /// The text node `child` ended up in: the last child of `parent`, merged or new.
    fn record_text(&self, parent: &NodeId, line: u64) {
        let html = self.inner.0.borrow();
        let last = html
            .tree
            .get(*parent)
            .and_then(|p| p.last_child())
            .filter(|c| c.value().is_text())
            .map(|c| c.id());
        drop(html);
        if let Some(id) = last {
            self.record(id, line);
        }
    }
}

impl TreeSink for LineSink {
    type Output = (Html, HashMap<NodeId, usize>);
    type Handle = NodeId;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        (self.inner.finish(), self.lines.into_inner())
    }

    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {
        // Real pages are full of parse errors; the parser recovers as browsers do.
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.record(id, self.line.get());
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let text_line = match &child {
            NodeOrText::AppendText(t) => Some(self.text_start(t)),
            NodeOrText::AppendNode(_) => None,
        };
        self.inner.append(parent, child);
        if let Some(line) = text_line {
            self.record_text(parent, line);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(source: &str) -> Vec<(usize, String)> {
        extract(source).mapped_lines()
    }

    #[test]
    fn blocks_become_lines_with_their_source_lines() {
        let page = "<html><head><title>T</title></head>\n<body>\n<nav>Menü</nav>\n<article>\n<h1>Die  Überschrift</h1>\n<p>Ein Absatz,\n  über zwei Zeilen.</p>\n<p>\n  Noch &bdquo;einer&ldquo;.</p>\n<script>var x = 1;</script>\n</article>\n<footer>Impressum</footer>\n</body></html>\n";
        assert_eq!(
            lines(page),
            vec![
                (5, "Die Überschrift".to_string()),
                (6, "Ein Absatz, über zwei Zeilen.".to_string()),
                (9, "Noch „einer“.".to_string()),
            ]
        );
    }

    #[test]
    fn the_body_is_used_without_an_article() {
        assert_eq!(
            lines("<p>Eins</p><p>Zwei<br>Drei</p><aside>Werbung</aside>"),
            vec![
                (1, "Eins".to_string()),
                (1, "Zwei".to_string()),
                (1, "Drei".to_string())
            ]
        );
    }

    #[test]
    fn inline_elements_stay_on_their_line() {
        assert_eq!(
            lines("<p>Ein <b>fetter</b> und <a href=\"x\">verlinkter</a> Text.</p>"),
            vec![(1, "Ein fetter und verlinkter Text.".to_string())]
        );
    }

    #[test]
    fn hidden_elements_are_skipped() {
        assert_eq!(
            lines("<p>Sichtbar</p><p hidden>Versteckt</p><div aria-hidden=\"true\">Auch</div>"),
            vec![(1, "Sichtbar".to_string())]
        );
    }

    #[test]
    fn broken_markup_is_recovered() {
        assert_eq!(
            lines("<p>Eins<p>Zwei</div>"),
            vec![(1, "Eins".to_string()), (1, "Zwei".to_string())]
        );
    }
}
