package org.renkou.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A prefix search reads one index range, from the prefix up to (not including) the string after all its words. */
class PrefixEndTest {

    @Test
    void theLastCharacterMovesOnByOne() {
        assertThat(PersonRepository.prefixEnd("刘伟")).isEqualTo("刘" + (char) ('伟' + 1));
        assertThat(PersonRepository.prefixEnd("430105100")).isEqualTo("430105101");
        assertThat(PersonRepository.prefixEnd("430105109")).isEqualTo("43010510:");
    }

    @Test
    void charactersBeyondTheBasicPlaneAndAroundTheSurrogatesStayWholeCharacters() {
        assertThat(PersonRepository.prefixEnd("王\uD840\uDC00")).isEqualTo("王\uD840\uDC01"); // U+20000 → U+20001
        assertThat(PersonRepository.prefixEnd("李\uD7FF")).isEqualTo("李\uE000");
        assertThat(PersonRepository.prefixEnd("张" + new String(Character.toChars(Character.MAX_CODE_POINT)))).isNull();
    }
}
