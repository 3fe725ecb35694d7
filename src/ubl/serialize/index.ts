/**
 * UBL 2.1 serializer: `serializeUbl(doc)` writes a model document as UBL Invoice or
 * CreditNote XML. One module per document part, called in XSD order by `document.ts`.
 */
export { serializeUbl, type SerializeUblOptions } from './document.js';
export { UblSerializeError, type UblSerializeErrorCode } from './errors.js';
