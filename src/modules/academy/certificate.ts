// The certificate as a tagged PDF (pdfkit): title and language set, a structure tree (H1, P) so
// screen readers read it in order, and the verification code with the public page to check it.
import PDFDocument from 'pdfkit';
import { formatDate } from '../../i18n.ts';

export interface CertificateData {
  name: string;
  course: string;
  /** YYYY-MM-DD */
  date: string;
  code: string;
  verifyUrl: string;
}

export function certificatePdf(c: CertificateData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: `Certificaat: ${c.course}`, Author: 'Mensenhandel Academy — Gemeenten aan zet', Subject: `Certificaat voor ${c.name}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const para = (text: string, size: number, gap = 0.6) =>
    root.add(doc.struct('P', {}, () => doc.fontSize(size).text(text, { align: 'center' }).moveDown(gap)));
  para('Mensenhandel Academy', 16, 1);
  root.add(
    doc.struct('H1', {}, () =>
      doc.font('Helvetica-Bold').fontSize(34).text('Certificaat', { align: 'center' }).font('Helvetica').moveDown(1),
    ),
  );
  para('Hierbij verklaren wij dat', 16);
  root.add(
    doc.struct('P', {}, () => doc.font('Helvetica-Bold').fontSize(26).text(c.name, { align: 'center' }).font('Helvetica').moveDown(0.6)),
  );
  para('de cursus heeft afgerond:', 16);
  root.add(
    doc.struct('P', {}, () => doc.font('Helvetica-Bold').fontSize(22).text(c.course, { align: 'center' }).font('Helvetica').moveDown(0.6)),
  );
  para(`op ${formatDate(c.date, 'nl')}.`, 16, 2);
  para(`Verificatiecode: ${c.code}`, 12, 0.3);
  para(`Controleer dit certificaat op ${c.verifyUrl}`, 12);
  root.end();
  doc.end();
  return done;
}
