/**
 * 均等化服务: referrals of floating people to the town's partner offices (police station, schools, clinic, civil
 * affairs, labour office) for hukou matters, school places, medical care, training, housing and relief, followed to
 * their outcome; the services given are indicators, open referrals past the deadline are the town office's tasks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "area", "common", "health", "people::register", "people::references", "stats"})
package org.renkou.referrals;
