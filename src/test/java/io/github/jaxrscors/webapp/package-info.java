/**
 * A web application's classes, copied by {@code WebSocketWarDeploymentTest} into the
 * {@code WEB-INF/classes} of a war directory that Tomcat and Jetty scan: nothing here is registered
 * by hand.
 */
package io.github.jaxrscors.webapp;
