/**
 * E-invoices: UBL 2.1 documents conforming to EN 16931 and Peppol BIS Billing 3.0 — export of issued invoices and
 * credit notes, validation (UBL XSD and the official EN 16931 rules), import for migration, hardened XML parsing.
 * Uses invoice, security, audit and crypto; nothing but platform uses it. Never logs a document or a value from one.
 */
package app.confidant.einvoice;
