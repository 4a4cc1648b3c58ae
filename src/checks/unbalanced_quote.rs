use super::{Check, rule};
use crate::document::Document;
use crate::finding::{Finding, RuleInfo};
use crate::quotes::{QuoteMark, Unpaired};

rule! {
    /// Finds quotation marks without a partner: a closing mark with no opening mark before it
    /// in its paragraph, or an opening mark that is never closed.
    ///
    /// Why it matters: machine translation drops quotation marks when it reorders a sentence,
    /// so the reader can no longer tell where a quotation starts or ends, and the speaker may
    /// seem to say what the reporter wrote. A quotation that runs over several paragraphs and
    /// is reopened at the start of each (news style) is not reported.
    ///
    /// Example: `… akzeptierten nicht die Sprache der Erpressung und des Diktats“.` — the
    /// closing `“` has no opening `„`.
    pub struct UnbalancedQuote {
        id: "unbalanced-quote",
        category: Quotes,
        mqm: "Fluency/Punctuation",
        severity: Minor,
        summary: "a quotation mark without its opening or closing partner",
    }
}

impl Check for UnbalancedQuote {
    fn info(&self) -> &'static RuleInfo {
        Self::rule()
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        let Some(lang) = doc.lang else { return };
        let (open, close) = (lang.primary_quotes.open, lang.primary_quotes.close);
        let evidence = format!(
            "the text uses {open} {} times and {close} {} times",
            doc.quotes.count_char(open),
            doc.quotes.count_char(close)
        );
        for why in [Unpaired::CloseWithoutOpen, Unpaired::OpenNeverClosed] {
            let of_kind: Vec<&QuoteMark> = doc
                .quotes
                .unpaired
                .iter()
                .filter(|&&(_, w)| w == why)
                .map(|&(i, _)| &doc.quotes.marks[i])
                .collect();
            // Many unpaired marks of one kind are one systematic fault (an encoding slip, a
            // pipeline that drops every opening mark): one finding that lists the lines.
            let systematic = of_kind.len() > MAX_SEPARATE;
            for mark in of_kind
                .iter()
                .take(if systematic { 1 } else { of_kind.len() })
            {
                let mut detail = format!(
                    "{evidence}; this {} has no partner in its paragraph",
                    mark.ch
                );
                if systematic {
                    let lines: Vec<String> = of_kind
                        .iter()
                        .map(|m| doc.line_number(m.pos).to_string())
                        .collect();
                    detail = format!(
                        "{evidence}; {} marks like this one, on lines {}",
                        of_kind.len(),
                        lines.join(", ")
                    );
                }
                out.push(unpaired_finding(doc, mark, why, open, close).with_evidence(detail));
            }
        }
    }
}

/// More unpaired marks of one kind than this in a text are reported as one finding.
const MAX_SEPARATE: usize = 3;

fn unpaired_finding(
    doc: &Document,
    mark: &QuoteMark,
    why: Unpaired,
    open: char,
    close: char,
) -> Finding {
    let (message, suggestion) = match why {
        Unpaired::CloseWithoutOpen => (
            format!("closing quotation mark {} without an opening mark", mark.ch),
            format!("insert {open} where the quotation begins"),
        ),
        Unpaired::OpenNeverClosed => (
            format!("opening quotation mark {} is never closed", mark.ch),
            format!("insert {close} where the quotation ends"),
        ),
    };
    UnbalancedQuote::rule()
        .finding(word_with_mark(doc, mark, why), message)
        .with_suggestion(suggestion)
}

/// The mark together with the word it is attached to, so the finding shows context
/// ("Diktats“", "„Wir").
fn word_with_mark(doc: &Document, mark: &QuoteMark, why: Unpaired) -> std::ops::Range<usize> {
    let span = mark.span();
    let block = &doc.blocks[mark.block].span;
    match why {
        Unpaired::CloseWithoutOpen => {
            let before = &doc.text[block.start..span.start];
            let word_len =
                before.len() - before.trim_end_matches(|c: char| !c.is_whitespace()).len();
            span.start - word_len..span.end
        }
        Unpaired::OpenNeverClosed => {
            let after = &doc.text[span.end..block.end];
            let word_len = after.find(char::is_whitespace).unwrap_or(after.len());
            span.start..span.end + word_len
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_util::flagged;

    #[test]
    fn flags_closing_mark_without_opening() {
        assert_eq!(
            flagged(&UnbalancedQuote, "Er nannte es die Sprache des Diktats“."),
            vec!["Diktats“"]
        );
    }

    #[test]
    fn flags_opening_mark_never_closed() {
        assert_eq!(
            flagged(&UnbalancedQuote, "Er sagte: „Wir kommen.\n\nDann ging er."),
            vec!["„Wir"]
        );
    }

    #[test]
    fn systematic_faults_are_one_finding() {
        let text = "Sie sagte ¿eins“.\nEr sagte ¿zwei“.\nSie sagte ¿drei“.\nEr sagte ¿vier“.\n";
        assert_eq!(flagged(&UnbalancedQuote, text), vec!["¿eins“"]);
    }

    #[test]
    fn quiet_on_paired_and_continued_quotes() {
        let text = "Er sagte: „Wir kommen.\n\n„Wir bleiben auch“, sagte er. Sie nannte es „gut“.";
        assert!(flagged(&UnbalancedQuote, text).is_empty());
    }
}
