package dev.onceform.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.result.FieldSource;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultTemplate;
import dev.onceform.core.result.ResultTemplates;
import dev.onceform.schema.FormDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Builds the result of a sample submission with plausible officer inputs, as an officer would. */
public final class SampleResults {
  /** The clock of every sample result: 3 December 2026, 15:00 in Vietnam. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

  private static final Map<String, String> OFFICER_INPUTS =
      Map.of(
          "registrationNumber", "125/2026",
          "registrationBook", "01/2026",
          "childPersonalId", "066226001234",
          "signerName", "Lê Văn Nam",
          "criminalRecord", "Không có án tích",
          "positionBan", "Không bị cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp",
          "validity", "Có giá trị 6 tháng kể từ ngày cấp",
          "registrationRound", "Đăng ký lần đầu");

  private SampleResults() {}

  /** The built-in template a form names in {@code x-form.result}. */
  public static ResultTemplate templateOf(FormDefinition form) {
    return ResultTemplates.builtIn(form.schema().path("x-form").path("result").asText())
        .orElseThrow();
  }

  /** The result of a submission under the form's template. */
  public static ResultData of(FormDefinition form, JsonNode submission) {
    ResultTemplate template = templateOf(form);
    ResultData.Builder builder =
        ResultData.builder(template, form)
            .submission(submission)
            .receiptNumber(template.agency().code() + "-261203-000125")
            .clock(CLOCK);
    for (ResultTemplate.ResultField field : template.officerInputs()) {
      String name = ((FieldSource.Officer) field.source()).name();
      String value =
          switch (field.format()) {
            case DATE -> "2026-12-03";
            case NUMBER -> "1";
            default -> OFFICER_INPUTS.getOrDefault(name, "Giá trị " + name);
          };
      builder.officerInput(name, value);
    }
    return builder.build();
  }
}
