/**
 * Password checks for HTTP Basic logins: htpasswd files and their hash formats, the verification cache, the
 * {@code Authorization} header, and the throttle that slows down password guessing.
 *
 * <p>The relay reaches the users behind a public {@link io.github.httpswrapper.Users} through
 * {@link io.github.httpswrapper.internal.auth.UsersAccess#storeOf}.
 */
package io.github.httpswrapper.internal.auth;
