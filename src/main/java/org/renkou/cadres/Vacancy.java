package org.renkou.cadres;

/**
 * A post nobody holds, or a village-level unit without any 专干 post ({@code postId} null): every unit needs its
 * cadre, so its missing post is vacant too.
 */
public record Vacancy(Long postId, Post.Kind kind, String areaCode, String areaName, String title) {
}
