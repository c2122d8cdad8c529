/** Implementation of https-wrapper. Not part of the API: everything here may change without notice. */
package io.github.httpswrapper.internal;
