/**
 * Wiring of the running application: the JAX-RS application, schema migrations, HTTP security headers, problem
 * details for every error, the clock. May use every capability; no capability uses it.
 */
package app.confidant.platform;
