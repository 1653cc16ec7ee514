package org.renkou.portal;

/** How a text reaches a resident's phone: one-time codes, reminders, notices of answers. */
public interface MessageSender {

    void send(String phone, String text);
}
