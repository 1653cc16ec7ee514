package org.renkou.access;

/** What an audit entry records: a fixed set, so the log can be filtered and nobody invents a spelling. */
public enum AuditAction {
    /** One personal record read (a person, a household, a woman's health record, a PDF of one person). */
    VIEW,
    /** A list of personal records read with a query. */
    SEARCH,
    /** A list of personal records read without a query (a register, a roster, a queue). */
    LIST,
    /** Personal data leaving as a file: CSV, XLSX, PDF, a bank file. */
    EXPORT,
    /** The persons behind a figure. */
    DRILL_DOWN,
    CREATE,
    UPDATE,
    DELETE,
    /** A file or a bulk load of records taken in. */
    IMPORT,
    LOGIN,
    LOGIN_FAILED,
    LOCKOUT,
    /** A request refused for lack of permission or area, or a peer answering what it was not asked. */
    ACCESS_DENIED
}
