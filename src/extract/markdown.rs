//! The prose of a Markdown file, parsed with pulldown-cmark (CommonMark).
//!
//! Minimal on purpose: paragraphs, headings, list items, quotes and table cells become one
//! line each with their inline text (emphasis and link syntax gone, link text kept); code
//! blocks, inline HTML and image descriptions are dropped, since they are not article prose.
//! Each line keeps the source line its text starts on.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Extracted, LineBuilder, SourceLines};

pub fn extract(source: &str) -> Extracted {
    let lines = SourceLines::new(source);
    let mut out = LineBuilder::default();
    // Inside a code block or an image, text is not prose.
    let mut skip_depth = 0usize;
    let parser = Parser::new_ext(
        source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    for (event, range) in parser.into_offset_iter() {
        let line = lines.line(range.start);
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => {
                skip_depth += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            _ if skip_depth > 0 => {}
            Event::Start(tag) if starts_line(&tag) => out.end_line(),
            Event::End(tag) if ends_line(&tag) => out.end_line(),
            Event::Text(text) | Event::Code(text) => out.push(&text, line),
            Event::SoftBreak => out.push(" ", line),
            Event::HardBreak => out.end_line(),
            _ => {}
        }
    }
    out.finish()
}

fn starts_line(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::Item
            | Tag::BlockQuote(_)
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
    )
}

fn ends_line(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(source: &str) -> Vec<(usize, String)> {
        extract(source).mapped_lines()
    }

    #[test]
    fn syntax_is_stripped_and_lines_kept() {
        let md = "# Die Überschrift\n\nEin **fetter** Absatz mit [Link](http://x),\nüber zwei Zeilen.\n\n- Punkt eins\n- Punkt *zwei*\n\n```\ncode();\n```\n\n> Ein Zitat.\n\n![Bild](b.png)\n";
        assert_eq!(
            lines(md),
            vec![
                (1, "Die Überschrift".to_string()),
                (
                    3,
                    "Ein fetter Absatz mit Link, über zwei Zeilen.".to_string()
                ),
                (6, "Punkt eins".to_string()),
                (7, "Punkt zwei".to_string()),
                (13, "Ein Zitat.".to_string()),
            ]
        );
    }
}
