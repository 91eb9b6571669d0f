/**
 * Parties (customers) and, next, invoices, lines, taxes, numbering, workflow, credit notes and payments. Sensitive
 * values are kept only through {@link app.confidant.crypto.SealedEntity}; nothing here touches the HSM directly.
 */
package app.confidant.invoice;
