//! CSV (`--format csv`): one row per document for spreadsheets and data frames — id, path,
//! language, machine-translation flag, words, findings, score, verdict, error, then the
//! number of findings in each category (one column per category, in the contract's order).

use std::io::{self, Write};

use crate::finding::Category;
use crate::render::Stream;
use crate::report::DocumentReport;
use crate::summary::DocSummary;

const COLUMNS: [&str; 9] = [
    "id",
    "path",
    "language",
    "machine_translated",
    "words",
    "findings",
    "score",
    "verdict",
    "error",
];

pub struct CsvStream;

/// PASS, FAIL, or ERROR for a document that could not be checked.
pub fn verdict(doc: &DocSummary) -> &'static str {
    match (&doc.error, doc.passed) {
        (Some(_), _) => "ERROR",
        (None, true) => "PASS",
        (None, false) => "FAIL",
    }
}

fn row(doc: &DocSummary) -> Vec<String> {
    let mut fields = vec![
        doc.id.clone(),
        doc.path.clone(),
        doc.language.clone(),
        doc.machine_translated.to_string(),
        doc.words.to_string(),
        doc.findings.to_string(),
        format!("{:.1}", doc.score),
        verdict(doc).to_string(),
        doc.error.clone().unwrap_or_default(),
    ];
    fields.extend(doc.by_category.iter().map(usize::to_string));
    fields
}

fn write_record<I, T>(buf: &mut Vec<u8>, record: I) -> io::Result<()>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut writer = csv::Writer::from_writer(buf);
    writer.write_record(record).map_err(io::Error::other)?;
    writer.flush()
}

impl Stream for CsvStream {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let mut buf = Vec::new();
        let header = COLUMNS
            .iter()
            .copied()
            .chain(Category::ALL.iter().map(|c| c.as_str()));
        write_record(&mut buf, header)?;
        out.write_all(&buf)
    }

    fn render(
        &self,
        doc: &DocSummary,
        _report: &DocumentReport,
        buf: &mut Vec<u8>,
    ) -> io::Result<()> {
        write_record(buf, row(doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks;
    use crate::report::{Options, check_text};

    #[test]
    fn rows_quote_fields_and_count_categories() {
        let report = check_text(
            "a, b.txt",
            "Ein Satz mit und und.\n".into(),
            &Options::default(),
            &checks::all(),
        );
        let mut out = Vec::new();
        let mut stream = CsvStream;
        stream.begin(&mut out).expect("header");
        stream
            .render(&DocSummary::of(0, &report), &report, &mut out)
            .expect("row");
        let text = String::from_utf8(out).expect("UTF-8");
        let mut lines = text.lines();
        assert!(
            lines
                .next()
                .expect("header")
                .starts_with("id,path,language,")
        );
        let row = lines.next().expect("row");
        assert!(row.starts_with("\"a, b.txt\",\"a, b.txt\",de,false,5,1,"));
        let grammar = 9 + crate::summary::category_index(Category::Grammar);
        assert_eq!(row.split(',').nth(grammar + 2), Some("1"));
    }
}
