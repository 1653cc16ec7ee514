/** 信息交换: signed messages between nodes (outbox, inbox); knows nothing about persons. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "common"})
package org.renkou.exchange;
