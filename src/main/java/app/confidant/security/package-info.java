/**
 * Who is calling and what they may do: users with PBKDF2 passwords and TOTP MFA, opaque bearer tokens, the seven
 * roles, separation of duties, Jakarta Security's mechanism and identity store. Never touches invoice data.
 */
package app.confidant.security;
