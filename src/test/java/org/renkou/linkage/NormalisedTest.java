package org.renkou.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.renkou.common.IdNumber;

class NormalisedTest {
    @Test
    void fullWidthSpacesAndDotsGo() {
        assertThat(Normalised.name("张 伟")).isEqualTo("张伟");
        assertThat(Normalised.name("　张伟　")).isEqualTo("张伟");
        assertThat(Normalised.name("阿依古丽·买买提")).isEqualTo("阿依古丽买买提");
        assertThat(Normalised.name("阿依古丽•买买提")).isEqualTo("阿依古丽买买提");
        assertThat(Normalised.name("ＡＢＣ　ｄｅ")).isEqualTo("ABCDE");
        assertThat(Normalised.name(null)).isEmpty();
    }

    @Test
    void traditionalCharactersBecomeSimplified() {
        assertThat(Normalised.name("陳偉")).isEqualTo("陈伟");
        assertThat(Normalised.name("劉德華")).isEqualTo("刘德华");
        assertThat(Normalised.name("張國強")).isEqualTo("张国强");
    }

    @Test
    void oldIdNumbersBecomeEighteenDigits() {
        String first17 = "43010519800101001";
        String eighteen = first17 + IdNumber.checkChar(first17);
        assertThat(Normalised.idNumber("430105800101001")).isEqualTo(eighteen);
        assertThat(Normalised.idNumber("４３０１０５８００１０１００１")).isEqualTo(eighteen);
        assertThat(Normalised.idNumber(eighteen.substring(0, 17) + "x")).isEqualTo(eighteen.substring(0, 17) + "X");
        assertThat(Normalised.idNumber("  ")).isNull();
        assertThat(Normalised.idNumber(null)).isNull();
    }

    @Test
    void phonesKeepTheirDigits() {
        assertThat(Normalised.phone("+86 138-0000-1111")).isEqualTo("13800001111");
        assertThat(Normalised.phone("１３８００００１１１１")).isEqualTo("13800001111");
        assertThat(Normalised.phone("")).isNull();
    }

    @Test
    void homophonesHaveTheSamePinyin() {
        assertThat(Pinyin.of("张伟")).isEqualTo(Pinyin.of("张玮")).isEqualTo("zhang wei");
        assertThat(Pinyin.of("李华")).isEqualTo(Pinyin.of("李桦"));
        assertThat(Pinyin.of(Normalised.name("陳 偉"))).isEqualTo("chen wei");
    }

    @Test
    void surnamesAreReadAsSurnames() {
        assertThat(Pinyin.of("曾国藩")).startsWith("zeng ");
        assertThat(Pinyin.of("单田芳")).startsWith("shan ");
        assertThat(Pinyin.of("解缙")).startsWith("xie ");
        assertThat(Pinyin.of("仇英")).startsWith("qiu ");
        assertThat(Pinyin.of("朴明")).startsWith("piao ");
        assertThat(Pinyin.of("区伟")).startsWith("ou ");
        assertThat(Pinyin.of("查良镛")).startsWith("zha ");
        assertThat(Pinyin.of("盖伟")).startsWith("ge ");
        assertThat(Pinyin.of("乐伟")).startsWith("yue ");
        assertThat(Pinyin.of("尉迟恭")).isEqualTo("yu chi gong");
        assertThat(Pinyin.of("单于伟")).startsWith("chan yu ");
        assertThat(Pinyin.of("欧阳修")).isEqualTo("ou yang xiu");
    }

    @Test
    void aSurnameAloneOrLaterInTheNameKeepsItsEverydayReading() {
        assertThat(Pinyin.of("王曾")).isEqualTo("wang " + Pinyin.of("曾").split(" ")[0]);
        assertThat(Pinyin.of("AB")).isEqualTo("ab");
    }
}
