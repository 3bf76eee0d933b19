package org.handoverbot.knowledge;

public enum EventStatus {
    /** Reported as having happened. */
    DONE,
    /** Reported as a next step or plan ("قد تكون"): never told as done. */
    PLANNED,
    /** Reported as happening ("بدأت القوات بتسليم ..."): begun, not yet told as done. */
    UNDER_WAY
}
