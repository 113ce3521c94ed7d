package io.stent.cdi;

/**
 * Tells the runtime when its application is fully deployed, so that the worker claims only then:
 * a task claimed while the deployment still runs would reach EJBs and resources that are not
 * ready yet. Not public API.
 */
interface DeploymentCompletion extends AutoCloseable {

    /**
     * Tells whether this server reports its deployments; if not, the runtime takes CDI's
     * {@code Startup} event as the end of the deployment.
     *
     * @return true if {@link #whenDeployed} will be called back by the server
     */
    boolean reportsDeployments();

    /**
     * Runs {@code action} once the application is deployed (on the server's thread).
     *
     * @param action what to run, once
     */
    void whenDeployed(Runnable action);

    /** Stops listening. */
    @Override
    void close();

    /** A server that does not report deployments. */
    DeploymentCompletion UNREPORTED = new DeploymentCompletion() {
        @Override
        public boolean reportsDeployments() {
            return false;
        }

        @Override
        public void whenDeployed(Runnable action) {
            throw new IllegalStateException("this server does not report deployments");
        }

        @Override
        public void close() {
        }
    };
}
