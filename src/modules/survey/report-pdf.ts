// The feedback report as a PDF (pdfkit, no browser): tagged for accessibility (a structure tree of
// headings, paragraphs and tables with header cells; page furniture marked as artifacts), with its
// title shown in the window and its language set. Checked by rendering it with poppler in a test.
import PDFDocument from 'pdfkit';
import { formatDate, formatNumber, type Locale } from '../../i18n.ts';
import type { ReportData, ReportItem } from './report.logic.ts';

type Struct = ReturnType<PDFKit.PDFDocument['struct']>;
type Cell = { text: string; type?: 'TH' | 'TD'; scope?: 'column' | 'row'; align?: 'left' | 'right' };
type TableWithStructure = PDFKit.Mixins.TableOptionsWithData & { structParent: Struct };

const M = {
  nl: {
    report: 'Terugkoppeling',
    intro: (d: ReportData) =>
      `Deze terugkoppeling zet de antwoorden van gemeente ${d.municipality.name} naast die van ${d.municipality.provinceName}, gemeenten met ${d.municipality.sizeClass.nl.toLowerCase()} en heel Nederland. ${d.responses} gemeenten vulden de vragenlijst in. Percentages tellen de gemeenten die ‘weet niet’ antwoordden niet mee. Groepen met minder dan ${d.threshold} gemeenten tonen wij niet (—), zodat antwoorden niet tot één gemeente te herleiden zijn.`,
    answer: 'Antwoord',
    yours: 'Uw gemeente',
    chosen: 'gekozen',
    mean: 'Gemiddelde',
    hidden: 'te weinig respondenten',
    previous: (t: string) => `Vorige meting (${t})`,
    page: (n: number) => `Pagina ${n}`,
    own: 'Uw antwoord',
    notAnswered: 'Niet beantwoord',
  },
  en: {
    report: 'Feedback report',
    intro: (d: ReportData) =>
      `This report sets the answers of ${d.municipality.name} beside those of ${d.municipality.provinceName}, municipalities with ${d.municipality.sizeClass.en.toLowerCase()} and the whole country. ${d.responses} municipalities took part. Percentages leave out ‘don’t know’. Groups of fewer than ${d.threshold} municipalities are not shown (—).`,
    answer: 'Answer',
    yours: 'Your municipality',
    chosen: 'chosen',
    mean: 'Mean',
    hidden: 'too few respondents',
    previous: (t: string) => `Previous round (${t})`,
    page: (n: number) => `Page ${n}`,
    own: 'Your answer',
    notAnswered: 'Not answered',
  },
};

const pct = (share: number | null, l: Locale) => (share === null ? '—' : `${formatNumber(share * 100, l)}%`);

function groupHeader(item: ReportItem, i: number, l: Locale): string {
  const g = item.groups[i];
  if (!g) return '';
  return g.suppressed ? `${g.label[l]} (${M[l].hidden})` : `${g.label[l]} (n=${g.respondents})`;
}

function tableOf(item: ReportItem, l: Locale): Cell[][] {
  const t = M[l];
  const head: Cell[] = [
    { text: t.answer, type: 'TH', scope: 'column' },
    { text: t.yours, type: 'TH', scope: 'column' },
    ...item.groups.map((_, i) => ({ text: groupHeader(item, i, l), type: 'TH' as const, scope: 'column' as const })),
  ];
  const rows: Cell[][] = item.rows.map((r) => [
    { text: r.label[l], type: 'TH', scope: 'row' },
    { text: r.own ? `× ${t.chosen}` : '' },
    ...r.shares.map((s) => ({ text: pct(s, l), align: 'right' as const })),
  ]);
  if (item.means.length > 0) {
    rows.push([
      { text: t.mean, type: 'TH', scope: 'row' },
      { text: '' },
      ...item.means.map((m) => ({ text: m === null ? '—' : formatNumber(m, l, 1), align: 'right' as const })),
    ]);
  }
  return [head, ...rows];
}

function writeItem(doc: PDFKit.PDFDocument, section: Struct, item: ReportItem, l: Locale) {
  const t = M[l];
  if (doc.y > doc.page.height - 220) doc.addPage();
  section.add(doc.struct('H3', {}, () => doc.font('Helvetica-Bold').fontSize(11).text(item.text[l], { paragraphGap: 4 })));
  doc.font('Helvetica').fontSize(10);
  section.add(doc.struct('P', {}, () => doc.text(`${t.own}: ${item.own ? item.own[l] : t.notAnswered}`, { paragraphGap: 2 })));
  if (item.explanation[l])
    section.add(doc.struct('P', {}, () => doc.fillColor('#333333').text(item.explanation[l], { paragraphGap: 4 }).fillColor('black')));
  if (item.kind !== 'text' && item.groups.length > 0) {
    const options: TableWithStructure = {
      data: tableOf(item, l) as PDFKit.Mixins.TableOptionsWithData['data'],
      structParent: section,
      defaultStyle: {
        border: 0.5,
        borderColor: '#777777',
        padding: 3,
        font: { size: 9 },
      } as PDFKit.Mixins.TableOptionsWithData['defaultStyle'],
      columnStyles: [120, 70, '*', '*', '*'],
    };
    doc.table(options);
    doc.moveDown(0.5);
  }
  if (item.previous.length > 0) {
    const lines = item.previous.map((p) => `${p.label[l]}: ${p.answer[l]}`).join('\n');
    section.add(doc.struct('P', {}, () => doc.fontSize(9).text(`${item.changeLabel[l]}. ${lines}`, { paragraphGap: 6 }).fontSize(10)));
  }
  doc.moveDown(0.5);
}

function footer(doc: PDFKit.PDFDocument, n: number, l: Locale) {
  const bottom = doc.page.height - 40;
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(M[l].page(n), doc.page.margins.left, bottom, { lineBreak: false });
  doc.fillColor('black');
  doc.endMarkedContent();
}

/** Renders a report as a PDF (A4, Helvetica). */
export function reportPdf(data: ReportData, l: Locale = 'nl'): Promise<Buffer> {
  const t = M[l];
  const title = `${t.report} ${data.survey.title[l]} — ${data.municipality.name}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 60, left: 56, right: 56 },
    tagged: true,
    lang: l === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: true,
    info: {
      Title: title,
      Author: 'Programma Gemeenten aan zet',
      Subject: data.survey.title[l],
      Keywords: 'mensenhandel, gemeenten, enquête',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  root.add(doc.struct('H1', {}, () => doc.font('Helvetica-Bold').fontSize(18).text(title, { paragraphGap: 6 })));
  doc.font('Helvetica').fontSize(10);
  root.add(
    doc.struct('P', {}, () =>
      doc.text(`${formatDate(data.survey.closesOn, l)} · ${data.municipality.provinceName} · ${data.municipality.sizeClass[l]}`, {
        paragraphGap: 6,
      }),
    ),
  );
  root.add(doc.struct('P', {}, () => doc.text(t.intro(data), { paragraphGap: 10 })));
  if (data.previousRound) root.add(doc.struct('P', {}, () => doc.text(t.previous(data.previousRound![l]), { paragraphGap: 10 })));
  for (const s of data.sections) {
    const section = doc.struct('Sect');
    root.add(section);
    if (doc.y > doc.page.height - 250) doc.addPage();
    section.add(doc.struct('H2', {}, () => doc.font('Helvetica-Bold').fontSize(14).text(s.title[l], { paragraphGap: 6 })));
    doc.font('Helvetica').fontSize(10);
    for (const item of s.items) writeItem(doc, section, item, l);
    section.end();
  }
  root.end();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    footer(doc, i + 1, l);
  }
  doc.end();
  return done;
}
