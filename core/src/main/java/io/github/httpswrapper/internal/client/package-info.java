/**
 * Internal: who the client is. Its address, from the connection, a PROXY protocol header, or a trusted proxy's
 * forwarding headers; the forwarding headers the target receives; and the TLS client certificates a rule
 * accepts. Every parser here reads bytes an attacker chose, and none of them ever looks up a name.
 */
package io.github.httpswrapper.internal.client;
