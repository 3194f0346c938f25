package org.nvmexpress.discoverd.varlink;

/**
 * One method's implementation, run on the calling client's connection thread: it may block (a
 * reload waits for the loop's pass) without delaying any other client.
 */
@FunctionalInterface
interface Method {

    /**
     * @throws VarlinkError         the error reply to send
     * @throws InterruptedException the server is closing
     */
    Answer call(Call call, Caller caller) throws VarlinkError, InterruptedException;
}
