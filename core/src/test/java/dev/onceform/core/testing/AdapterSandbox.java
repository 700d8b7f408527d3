package dev.onceform.core.testing;

import dev.onceform.core.spi.RegistryAdapter;
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
import org.jspecify.annotations.Nullable;

/**
 * A class loader whose {@code META-INF/services} file lists registry adapters, as a jar on an
 * application's class path would.
 *
 * <p>The provider classes are defined again by this loader, in its unnamed module: when the tests
 * run on the module path, the test classes are part of the named module {@code dev.onceform.core},
 * and {@link java.util.ServiceLoader} ignores {@code META-INF/services} entries for classes in
 * named modules (the same trick as forms-schema's {@code ServiceSandbox}).
 */
public final class AdapterSandbox extends ClassLoader {
  private static final Set<String> OWN =
      Set.of(DiscoverableRegistry.class.getName(), BrokenRegistryProvider.class.getName());

  private final Path root;

  private AdapterSandbox(Path root) {
    super(AdapterSandbox.class.getClassLoader());
    this.root = root;
  }

  /** Returns a loader that lists {@code providers} (class names) as registry adapters. */
  public static AdapterSandbox listing(Path dir, List<String> providers) {
    try {
      Path file = dir.resolve("META-INF/services/" + RegistryAdapter.class.getName());
      Files.createDirectories(file.getParent());
      Files.write(file, providers, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AdapterSandbox(dir);
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
      try (InputStream in = AdapterSandbox.class.getResourceAsStream(resource)) {
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
