package org.renkou.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class MessageSendersTest {
    @Test
    void theLogSenderWritesNeitherThePhoneNorTheCode(CapturedOutput output) {
        new MessageSenders().logSender().send("13912345678", "您的人口家庭服务查询验证码为 604213，10 分钟内有效。");
        assertThat(output.getAll()).contains("SMS to 139******78").contains("验证码为 ******，10 分钟")
                .doesNotContain("13912345678").doesNotContain("604213");
    }
}
