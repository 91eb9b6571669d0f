/**
 * Who is calling and what they may do: users with PBKDF2 passwords and TOTP MFA, opaque bearer tokens, service
 * accounts authenticated by client certificate, the seven roles, separation of duties, Jakarta Security's mechanism
 * and identity stores. Never touches invoice data.
 */
package app.confidant.security;
