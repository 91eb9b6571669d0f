/**
 * Key ceremonies: the key inventory, dual control (one custodian proposes, another approves), rotation with online
 * re-encryption, and crypto-shredding. Touches keys only through crypto (never PKCS#11 itself); never reads
 * invoice data beyond re-sealing it and recomputing its blind indexes.
 */
package app.confidant.keyceremony;
