/**
 * Key ceremonies: the key inventory, dual control (one custodian proposes, another approves), rotation with online
 * re-encryption, crypto-shredding, and verified token backups (a ceremony that creates a key is complete once one
 * holds it). Touches keys only through crypto (never PKCS#11 itself); never reads invoice data beyond re-sealing it
 * and recomputing its blind indexes.
 */
package app.confidant.keyceremony;
