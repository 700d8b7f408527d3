package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.core.testing.MutableClock;
import dev.onceform.schema.OnceFormException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReceiptNumbersTest {
  // 2026-11-23T16:59:59Z is 23:59:59 on 23 November in Vietnam (UTC+7).
  private static final Instant LATE_EVENING = Instant.parse("2026-11-23T16:59:59Z");

  @Test
  void next_firstNumbers_followTheCircularFormat() {
    ReceiptNumberGenerator generator = ReceiptNumbers.daily(new MutableClock(LATE_EVENING));

    assertThat(generator.next("000.00.00.H29")).isEqualTo("000.00.00.H29-261123-0001");
    assertThat(generator.next("000.00.00.H29")).isEqualTo("000.00.00.H29-261123-0002");
    assertThat(generator.next("H27.39")).isEqualTo("H27.39-261123-0001");
    assertThat(generator.id()).isEqualTo("daily");
    assertThat(ReceiptNumbers.isReceiptNumber("000.00.00.H29-261123-0001")).isTrue();
  }

  @Test
  void next_newDayInVietnam_startsAgainAtOne() {
    MutableClock clock = new MutableClock(LATE_EVENING);
    ReceiptNumberGenerator generator = ReceiptNumbers.daily(clock);
    generator.next("H27.39");
    generator.next("H27.39");

    clock.advance(Duration.ofSeconds(1));

    assertThat(generator.next("H27.39")).isEqualTo("H27.39-261124-0001");
  }

  @Test
  void next_clockGoesBack_staysOnTheLatestDayAndNeverRepeats() {
    MutableClock clock = new MutableClock(LATE_EVENING);
    ReceiptNumberGenerator generator = ReceiptNumbers.daily(clock);
    clock.advance(Duration.ofSeconds(1));
    assertThat(generator.next("H27.39")).isEqualTo("H27.39-261124-0001");

    clock.advance(Duration.ofSeconds(-2));

    assertThat(generator.next("H27.39")).isEqualTo("H27.39-261124-0002");
  }

  @Test
  void next_pastFourDigits_growsAFifthDigit() {
    ReceiptNumberGenerator generator = ReceiptNumbers.daily(new MutableClock(LATE_EVENING));
    String last = "";
    for (int i = 0; i < 10_000; i++) {
      last = generator.next("H27.39");
    }

    assertThat(last).isEqualTo("H27.39-261123-10000");
    assertThat(ReceiptNumbers.isReceiptNumber(last)).isTrue();
  }

  @Test
  void next_badAgencyCode_isRejected() {
    ReceiptNumberGenerator generator = ReceiptNumbers.daily(new MutableClock(LATE_EVENING));

    assertThatThrownBy(() -> generator.next("h27 39"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-121")
        .hasMessageContaining("'h27 39'");
  }

  @Test
  void next_sixteenThreadsTenThousandEach_allUniqueAcrossADayChange() throws Exception {
    MutableClock clock = new MutableClock(LATE_EVENING.minusSeconds(1));
    ReceiptNumberGenerator generator = ReceiptNumbers.daily(clock);
    Set<String> numbers = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        tasks.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 10_000; i++) {
                    if (thread == 0 && i % 2_000 == 0) {
                      clock.advance(Duration.ofSeconds(1)); // crosses midnight in Vietnam
                    }
                    numbers.add(generator.next(thread % 2 == 0 ? "H27.39" : "000.00.00.H29"));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> task : tasks) {
        task.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(numbers).hasSize(160_000);
    assertThat(numbers).allMatch(ReceiptNumbers::isReceiptNumber);
    assertThat(numbers).anyMatch(n -> n.contains("-261123-")).anyMatch(n -> n.contains("-261124-"));
  }
}
