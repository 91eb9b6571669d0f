/**
 * The only code that talks to the PKCS#11 token (SunPKCS11): login, key handles, and operations performed inside
 * the HSM. Keys never leave the token and no raw key bytes ever reach the JVM. Imports no other capability.
 */
package app.confidant.crypto;
