package org.renkou.supplies;

import java.time.LocalDate;

/** A survey of the public: of {@code sample} asked, how many got supplies (获得) and knew the policy (知晓). */
public record Survey(long id, String villageCode, LocalDate surveyedOn, int sample, int acquired, int aware) {
}
