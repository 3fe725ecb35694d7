/**
 * Document references: invoicing period (BG-14), order (BT-13/BT-14), preceding invoices
 * (BG-3), despatch/receipt/tender/contract/project references, invoiced object (BT-18) and
 * supporting documents (BG-24).
 */
import { MIME_CODES, REFERENCE_SCHEME_CODES, VAT_DATE_CODES } from '../../model/codes/index.js';
import type { InvoicePeriod, PrecedingInvoice, SupportingDocument } from '../../model/references.js';
import type { ReadContext } from './context.js';
import { defined } from './util.js';
import type { XmlElement } from './xml.js';

/**
 * Reads `cac:InvoicePeriod` on the document (BG-14 with BT-8).
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the period, or undefined when absent
 * @example
 * readInvoicePeriod(ctx, root); // { startDate: '2024-03-01', endDate: '2024-03-31' }
 */
export function readInvoicePeriod(ctx: ReadContext, root: XmlElement): InvoicePeriod | undefined {
  const el = ctx.one(root, 'cac:InvoicePeriod');
  if (el === undefined) return undefined;
  return defined({
    startDate: ctx.date(el, 'cbc:StartDate', 'BT-73 Invoicing period start date'),
    endDate: ctx.date(el, 'cbc:EndDate', 'BT-74 Invoicing period end date'),
    vatPointDateCode: ctx.code(el, 'cbc:DescriptionCode', VAT_DATE_CODES, 'UNCL 2005 subset', 'BT-8 Value added tax point date code'),
  });
}

/**
 * Reads `cac:OrderReference` (BT-13 purchase order, BT-14 sales order).
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the order reference, or undefined
 * @example
 * readOrderReference(ctx, root); // { id: 'PO-4711' }
 */
export function readOrderReference(ctx: ReadContext, root: XmlElement): { id: string; salesOrderId?: string | undefined } | undefined {
  const el = ctx.one(root, 'cac:OrderReference');
  if (el === undefined) return undefined;
  return defined({
    // UBL requires cbc:ID whenever cac:OrderReference is present (Peppol writes NA without a PO).
    id: ctx.requiredText(el, 'cbc:ID', 'BT-13 Purchase order reference'),
    salesOrderId: ctx.text(el, 'cbc:SalesOrderID', 'BT-14 Sales order reference'),
  });
}

/**
 * Reads each `cac:BillingReference/cac:InvoiceDocumentReference` (BG-3).
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the preceding invoice references in document order
 * @example
 * readPrecedingInvoices(ctx, root); // [{ id: 'SB-2024-001', issueDate: '2024-01-31' }]
 */
export function readPrecedingInvoices(ctx: ReadContext, root: XmlElement): PrecedingInvoice[] {
  const out: PrecedingInvoice[] = [];
  for (const br of ctx.all(root, 'cac:BillingReference')) {
    const ref = ctx.one(br, 'cac:InvoiceDocumentReference');
    if (ref === undefined) {
      br.used = false;
      continue;
    }
    out.push(
      defined({
        id: ctx.requiredText(ref, 'cbc:ID', 'BT-25 Preceding invoice reference'),
        issueDate: ctx.date(ref, 'cbc:IssueDate', 'BT-26 Preceding invoice issue date'),
      }),
    );
  }
  return out;
}

/**
 * Reads the `cbc:ID` of a single document reference element (`cac:ContractDocumentReference` ...).
 *
 * @param ctx - reading context
 * @param root - the document element
 * @param key - the reference element key
 * @param term - business term label
 * @returns the identifier or undefined
 * @example
 * readSimpleReference(ctx, root, 'cac:ContractDocumentReference', 'BT-12 Contract reference');
 */
export function readSimpleReference(ctx: ReadContext, root: XmlElement, key: string, term: string): string | undefined {
  const el = ctx.one(root, key);
  if (el === undefined) return undefined;
  return ctx.requiredText(el, 'cbc:ID', term);
}

/** What `cac:AdditionalDocumentReference` elements carry (BT-18, BT-11 in a credit note, BG-24). */
export interface AdditionalReferences {
  readonly invoicedObject?: { id: string; schemeId?: string | undefined } | undefined;
  readonly projectReference?: string | undefined;
  readonly supportingDocuments: SupportingDocument[];
}

/**
 * Reads every `cac:AdditionalDocumentReference`. Type code 130 is the invoiced object
 * (BT-18); 50 in a credit note is the project reference (BT-11, UBL CreditNote has no
 * cac:ProjectReference); anything else is a supporting document (BG-24).
 *
 * @param ctx - reading context
 * @param root - the document element
 * @param isCreditNote - whether the root is a CreditNote
 * @returns the references found
 * @example
 * const { invoicedObject, supportingDocuments } = readAdditionalReferences(ctx, root, false);
 */
export function readAdditionalReferences(ctx: ReadContext, root: XmlElement, isCreditNote: boolean): AdditionalReferences {
  let invoicedObject: { id: string; schemeId?: string | undefined } | undefined;
  let projectReference: string | undefined;
  const supportingDocuments: SupportingDocument[] = [];
  for (const adr of ctx.all(root, 'cac:AdditionalDocumentReference')) {
    const typeEl = ctx.one(adr, 'cbc:DocumentTypeCode');
    const typeCode = typeEl?.text();
    if (typeCode === '130' && invoicedObject === undefined) {
      const idEl = ctx.one(adr, 'cbc:ID');
      const schemeId = ctx.attr(idEl, 'schemeID');
      if (schemeId !== undefined) ctx.checkCode(schemeId, REFERENCE_SCHEME_CODES, 'UNCL 1153', 'BT-18-1 Invoiced object identifier scheme', idEl, 'schemeID');
      invoicedObject = defined({ id: ctx.requiredText(adr, 'cbc:ID', 'BT-18 Invoiced object identifier'), schemeId });
      continue;
    }
    if (typeCode === '50' && isCreditNote && projectReference === undefined) {
      projectReference = ctx.requiredText(adr, 'cbc:ID', 'BT-11 Project reference');
      continue;
    }
    if (typeCode !== undefined && typeEl !== undefined) {
      ctx.report(
        'warning',
        'DROPPED-VALUE',
        `Document type code "${typeCode}" of this additional document reference is not kept: the model reads it as a supporting document (BG-24), where type code 130 means invoiced object (BT-18)${isCreditNote ? ' and 50 project reference (BT-11)' : ''}.`,
        typeEl,
      );
    }
    supportingDocuments.push(readSupportingDocument(ctx, adr));
  }
  return defined({ invoicedObject, projectReference, supportingDocuments });
}

function readSupportingDocument(ctx: ReadContext, adr: XmlElement): SupportingDocument {
  const attachmentEl = ctx.one(adr, 'cac:Attachment');
  const binary = ctx.one(attachmentEl, 'cbc:EmbeddedDocumentBinaryObject');
  let attachment: SupportingDocument['attachment'];
  if (binary !== undefined) {
    const mimeCode = ctx.attr(binary, 'mimeCode');
    const filename = ctx.attr(binary, 'filename');
    if (mimeCode === undefined || mimeCode === '') {
      ctx.report('error', 'MISSING-ATTRIBUTE', 'BT-125-1 Attached document MIME code is mandatory: add mimeCode (e.g. "application/pdf").', binary, {
        path: `${binary.path}/@mimeCode`,
        businessTerm: 'BT-125-1',
      });
    } else {
      ctx.checkCode(mimeCode, MIME_CODES, 'MIME code', 'BT-125-1 Attached document MIME code', binary, 'mimeCode');
    }
    if (filename === undefined || filename === '') {
      ctx.report('error', 'MISSING-ATTRIBUTE', 'BT-125-2 Attached document filename is mandatory: add filename (e.g. "timesheet.pdf").', binary, {
        path: `${binary.path}/@filename`,
        businessTerm: 'BT-125-2',
      });
    }
    // Base64 may be wrapped over lines; the content is kept as written, without surrounding whitespace.
    attachment = { content: binary.text(), mimeCode: mimeCode ?? '', filename: filename ?? '' };
  }
  const doc = {
    id: ctx.requiredText(adr, 'cbc:ID', 'BT-122 Supporting document reference'),
    description: ctx.text(adr, 'cbc:DocumentDescription', 'BT-123 Supporting document description'),
    attachment,
    externalUri: ctx.textAt(attachmentEl, ['cac:ExternalReference', 'cbc:URI'], 'BT-124 External document location'),
  };
  // A schemeID on a supporting document's ID has no model term; it is reported as unmapped.
  return defined(doc);
}
