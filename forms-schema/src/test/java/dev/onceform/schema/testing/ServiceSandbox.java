package dev.onceform.schema.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs code with a context class loader whose {@code META-INF/services} file lists the given
 * classes, as a jar on an application's class path would.
 *
 * <p>The provider classes are defined again by this loader, in its unnamed module: when the tests
 * run on the module path, the test classes are part of the named module {@code
 * dev.onceform.schema}, and {@link java.util.ServiceLoader} ignores {@code META-INF/services}
 * entries for classes in named modules.
 */
public final class ServiceSandbox extends ClassLoader {
  private static final Set<String> OWN =
      Set.of(
          FeeCategories.class.getName(),
          RivalFeeCategories.class.getName(),
          RivalEthnicGroups.class.getName(),
          BrokenCodeLists.class.getName());

  private final Path root;

  private ServiceSandbox(Path root) {
    super(ServiceSandbox.class.getClassLoader());
    this.root = root;
  }

  /**
   * Runs {@code action} with a context class loader that lists {@code lines} as providers of {@code
   * service}.
   */
  public static <T> T run(Path dir, Class<?> service, List<String> lines, Supplier<T> action) {
    try {
      Path file = dir.resolve("META-INF/services/" + service.getName());
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(new ServiceSandbox(dir));
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!OWN.contains(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded != null) {
        return loaded;
      }
      String resource = "/" + name.replace('.', '/') + ".class";
      try (InputStream in = ServiceSandbox.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }

  @Override
  protected @Nullable URL findResource(String name) {
    Path file = root.resolve(name);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return file.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
  }
}
